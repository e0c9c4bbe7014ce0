package org.vpp.messages.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * A delivery day's settlements.
 *
 * @param dispatches every dispatch settled for the day, earliest delivery start first, each with its totals and its
 *                   settlement
 * @param nodes      per node (group or the dispatches' nodes), summed over those dispatches: delivered energy,
 *                   revenue and imbalance; kind and parent as the latest settlement names them; by node id
 * @param totals     the sum of the dispatches' totals
 */
public record SettlementDayView(LocalDate day, List<DispatchView> dispatches, List<NodeSettlement> nodes,
                                DispatchTotals totals) {

    public SettlementDayView {
        dispatches = List.copyOf(dispatches);
        nodes = List.copyOf(nodes);
    }
}
