package org.vpp.messages.alert;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Clear an alert because its condition ended; an alert that is not raised stays as it is. */
public record ClearAlert(@TargetAggregateIdentifier AlertId alertId, Instant at, String reason) {
}
