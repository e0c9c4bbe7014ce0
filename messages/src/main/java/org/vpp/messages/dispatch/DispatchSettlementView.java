package org.vpp.messages.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vpp.messages.bid.ContentReference;

/**
 * A dispatch's settlement as recorded: per slot, per group, and per device by reference; amounts to the cent.
 *
 * @param deliveryDay the day it is settled for
 * @param pricing     the rule and prices it was settled by
 * @param slots       one per slot settled, in order
 * @param nodes       one per group, in the settlement's order
 */
public record DispatchSettlementView(Instant settledAt, LocalDate deliveryDay, String pricing, ContentReference perAsset,
                                     BigDecimal revenueEur, BigDecimal imbalanceEur, List<SlotSettlement> slots,
                                     List<NodeSettlement> nodes) {

    public DispatchSettlementView {
        slots = List.copyOf(slots);
        nodes = List.copyOf(nodes);
    }

    public BigDecimal totalEur() {
        return revenueEur.add(imbalanceEur);
    }
}
