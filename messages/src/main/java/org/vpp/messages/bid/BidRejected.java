package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** Nothing cleared; the prices per slot show by how much the limits missed. */
public record BidRejected(BidId bidId, Instant at, List<ClearedSlot> slots) implements BidEvent {

    public BidRejected {
        slots = List.copyOf(slots);
    }
}
