package org.vpp.messages.bid;

import java.time.Instant;

/** A submission was refused by the business: too late, or a second one. Nothing went to the market. */
public record BidSubmissionRefused(BidId bidId, Instant at, SubmissionRefusal reason, String explanation)
        implements BidEvent {
}
