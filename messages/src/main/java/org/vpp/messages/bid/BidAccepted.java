package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** Every offered slot cleared in full, at these prices. */
public record BidAccepted(BidId bidId, Instant at, List<ClearedSlot> slots) implements BidEvent {

    public BidAccepted {
        slots = List.copyOf(slots);
    }
}
