package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** The bid was submitted before gate closure: exactly these slots went to the market. */
public record BidSubmitted(BidId bidId, Instant at, List<BidSlot> slots) implements BidEvent {

    public BidSubmitted {
        slots = List.copyOf(slots);
    }
}
