package org.vpp.messages.dispatch;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator cancels a manual dispatch: its assets return to their schedule from {@code at}. */
public record CancelDispatch(@TargetAggregateIdentifier DispatchId dispatchId, Instant at, String reason) {
}
