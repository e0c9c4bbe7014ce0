package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** Some of the offer cleared: per slot, what cleared and at which price. */
public record BidPartiallyAccepted(BidId bidId, Instant at, List<ClearedSlot> slots) implements BidEvent {

    public BidPartiallyAccepted {
        slots = List.copyOf(slots);
    }
}
