package org.vpp.messages.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.messages.bid.ContentReference;

/**
 * Settle a completed dispatch: per slot, per group, and per device (stored as content: {@code perAsset}); the
 * totals are the sums of the slots' rounded amounts.
 */
public record SettleDispatch(
        @TargetAggregateIdentifier DispatchId dispatchId,
        Instant at,
        LocalDate deliveryDay,
        List<SlotSettlement> slots,
        List<NodeSettlement> nodes,
        ContentReference perAsset,
        BigDecimal revenueEur,
        BigDecimal imbalanceEur,
        String pricing) {

    public SettleDispatch {
        slots = slots == null ? null : List.copyOf(slots);
        nodes = nodes == null ? null : List.copyOf(nodes);
    }
}
