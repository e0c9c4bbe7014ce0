package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/**
 * A draft was refused because it offered more than the fleet can deliver; the attempt and every slot it breached
 * are kept. The cycle stays where it was: a new draft may follow.
 */
public record BidDraftRefused(BidId bidId, Instant at, List<BidSlot> attempted, List<FlexibilityBreach> breaches)
        implements BidEvent {

    public BidDraftRefused {
        attempted = List.copyOf(attempted);
        breaches = List.copyOf(breaches);
    }
}
