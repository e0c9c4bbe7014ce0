package org.vpp.messages.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;

/** A dispatch was planned: what it promises per slot and where its setpoints are stored. */
public record DispatchPlanned(DispatchId dispatchId, Instant at, DispatchKind kind, BidId bidId, String nodeId,
                              Duration slotLength, List<DispatchSlot> slots, ContentReference plan, int deviceCount,
                              Megawatts requested, List<AssetAllocation> allocations, Megawatts unmet, String reason)
        implements DispatchEvent {

    public DispatchPlanned {
        slots = List.copyOf(slots);
        allocations = List.copyOf(allocations);
    }

    public Instant start() {
        return slots.getFirst().start();
    }

    public Instant end() {
        return slots.getLast().start().plus(slotLength);
    }
}
