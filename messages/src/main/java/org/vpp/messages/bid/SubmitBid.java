package org.vpp.messages.bid;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit the drafted bid to the market; {@code sentAt} is the application clock's instant of sending. */
public record SubmitBid(@TargetAggregateIdentifier BidId bidId, Instant sentAt) {
}
