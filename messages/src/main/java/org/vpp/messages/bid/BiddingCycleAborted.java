package org.vpp.messages.bid;

import java.time.Instant;

/** The cycle ended before a market result, for the reason given; nothing of it will be dispatched. */
public record BiddingCycleAborted(BidId bidId, Instant at, String reason) implements BidEvent {
}
