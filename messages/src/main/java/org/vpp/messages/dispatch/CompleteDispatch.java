package org.vpp.messages.dispatch;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every slot of the dispatch has been measured (or it was cancelled and its last slot measured). */
public record CompleteDispatch(@TargetAggregateIdentifier DispatchId dispatchId, Instant at) {
}
