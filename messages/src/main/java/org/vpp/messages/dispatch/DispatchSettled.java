package org.vpp.messages.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vpp.messages.bid.ContentReference;

/** The dispatch's money: revenue at the clearing price and the imbalance, per slot, per group and per device. */
public record DispatchSettled(DispatchId dispatchId, Instant at, LocalDate deliveryDay, List<SlotSettlement> slots,
                              List<NodeSettlement> nodes, ContentReference perAsset, BigDecimal revenueEur,
                              BigDecimal imbalanceEur, String pricing) implements DispatchEvent {

    public DispatchSettled {
        slots = List.copyOf(slots);
        nodes = List.copyOf(nodes);
    }

    public BigDecimal totalEur() {
        return revenueEur.add(imbalanceEur);
    }
}
