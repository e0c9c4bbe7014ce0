package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** A bid was drafted within the fleet's flexibility: quantity and limit price per slot, and the rule that priced it. */
public record BidDrafted(BidId bidId, Instant at, List<BidSlot> slots, String pricingRule) implements BidEvent {

    public BidDrafted {
        slots = List.copyOf(slots);
    }
}
