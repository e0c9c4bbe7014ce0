package org.vpp.messages.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;

/**
 * A dispatch in the read model. Everything a step recorded is null until that step has happened.
 *
 * @param bidId           the bid a market dispatch delivers; null for a manual one
 * @param nodeId          the node whose power the dispatch promises (the fleet's root for a market dispatch)
 * @param deliveryDay     the date of the first slot in the market's time zone
 * @param start           the first slot's start
 * @param end             the last slot's end
 * @param plan            the setpoints per device per slot, stored as content
 * @param requested       what a manual request asked for; null for a market dispatch
 * @param unmet           what a manual request's allocation could not place; null for a market dispatch
 * @param allocations     a manual request's parts per asset, in merit order; empty for a market dispatch
 * @param slotsMeasured   how many slots were measured, from completion on
 * @param meanDeviation   the mean deviation over those slots, from completion on
 * @param slots           one per slot, in order
 * @param settlement      null until settled
 * @param version         sequence number of the last event applied (0 after planning)
 */
public record DispatchView(DispatchId id, DispatchKind kind, DispatchStatus status, BidId bidId, String nodeId,
                           LocalDate deliveryDay, Instant plannedAt, Instant start, Instant end, Duration slotLength,
                           ContentReference plan, int deviceCount, Megawatts requested, Megawatts unmet,
                           List<AssetAllocation> allocations, String reason, Instant cancelledAt, String cancelReason,
                           Instant completedAt, Integer slotsMeasured, Megawatts meanDeviation,
                           List<DispatchSlotView> slots, DispatchSettlementView settlement, DispatchTotals totals,
                           Instant updatedAt, long version) {

    public DispatchView {
        allocations = List.copyOf(allocations);
        slots = List.copyOf(slots);
    }

    public Instant settledAt() {
        return settlement == null ? null : settlement.settledAt();
    }
}
