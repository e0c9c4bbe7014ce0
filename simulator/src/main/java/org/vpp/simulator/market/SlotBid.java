package org.vpp.simulator.market;

import java.util.List;

/** The bid curve for one delivery slot (0 = the first slot of the delivery day). */
public record SlotBid(int slot, List<BidStep> steps) {

    public SlotBid {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a slot bid needs at least one step");
        }
    }

    public static SlotBid of(int slot, BidStep... steps) {
        return new SlotBid(slot, List.of(steps));
    }
}
