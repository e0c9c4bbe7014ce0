package org.vpp.simulator.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What a participant offers for one delivery day: a curve per slot it wants to trade. */
public record Bid(String bidId, String bidderId, LocalDate deliveryDay, List<SlotBid> slots) {

    public Bid {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(deliveryDay, "deliveryDay");
        slots = List.copyOf(slots);
    }
}
