package org.vpp.messages.bid;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a cycle whose market result is in; what follows (dispatch) is another aggregate's business. */
public record CloseBiddingCycle(@TargetAggregateIdentifier BidId bidId, Instant closedAt) {
}
