package org.vpp.messages.bid;

import java.time.Instant;

/** The cycle ended with the market's answer; dispatch of what cleared is another aggregate's business. */
public record BiddingCycleClosed(BidId bidId, Instant at, MarketOutcome outcome) implements BidEvent {
}
