package org.vpp.messages.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;

/**
 * Plan a dispatch: the targets per slot at the node, and the setpoints per device per slot stored once as content
 * ({@code plan}). A market dispatch names its bid; a manual one its request, allocation and unmet part.
 */
public record PlanDispatch(
        @TargetAggregateIdentifier DispatchId dispatchId,
        Instant at,
        DispatchKind kind,
        BidId bidId,
        String nodeId,
        Duration slotLength,
        List<DispatchSlot> slots,
        ContentReference plan,
        int deviceCount,
        Megawatts requested,
        List<AssetAllocation> allocations,
        Megawatts unmet,
        String reason) {

    public PlanDispatch {
        slots = slots == null ? null : List.copyOf(slots);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
