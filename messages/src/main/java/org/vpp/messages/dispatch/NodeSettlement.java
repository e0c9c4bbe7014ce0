package org.vpp.messages.dispatch;

import java.math.BigDecimal;

/**
 * A group's share of a dispatch's settlement: the sum over the devices beneath it (a device's revenue is its
 * delivered energy at the clearing price, its imbalance its own deviation from its setpoint at the imbalance
 * spread); the dispatch's node also carries what no device caused (the unallocated imbalance).
 */
public record NodeSettlement(String nodeId, String kind, String parentId, double deliveredMwh,
                             BigDecimal revenueEur, BigDecimal imbalanceEur) {

    public BigDecimal totalEur() {
        return revenueEur.add(imbalanceEur);
    }
}
