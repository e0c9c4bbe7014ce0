package org.vpp.messages.bid;

import java.time.Duration;
import java.time.Instant;

/** A bidding cycle was opened for a zone and delivery day, with the market's gate closure for it. */
public record BiddingCycleOpened(BidId bidId, Instant at, Instant deliveryStart, Instant deliveryEnd,
                                 Duration slotLength, Instant gateClosure) implements BidEvent {
}
