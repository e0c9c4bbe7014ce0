package org.vpp.messages.bid;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a cycle before its market result: gate closure missed, market silent, cancelled by an operator. */
public record AbortBiddingCycle(@TargetAggregateIdentifier BidId bidId, Instant abortedAt, String reason) {
}
