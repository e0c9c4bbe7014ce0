package org.vpp.messages.bid;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open the bidding cycle of a zone and delivery day. The delivery period is given as instants because the day's
 * length in the zone's calendar (23, 24 or 25 hours) is the market's business, not the bid's.
 *
 * @param openedAt       the application clock's instant when the cycle is opened
 * @param deliveryStart  the first instant delivered (local midnight of the delivery day)
 * @param deliveryEnd    the instant right after the last slot
 * @param slotLength     the market's slot: 15 or 60 minutes
 * @param gateClosure    the instant from which the market takes no more bids for this day
 */
public record OpenBiddingCycle(
        @TargetAggregateIdentifier BidId bidId,
        Instant openedAt,
        Instant deliveryStart,
        Instant deliveryEnd,
        Duration slotLength,
        Instant gateClosure) {
}
