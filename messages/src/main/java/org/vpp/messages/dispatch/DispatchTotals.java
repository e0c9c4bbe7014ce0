package org.vpp.messages.dispatch;

import java.math.BigDecimal;

import org.vpp.kernel.MegawattHours;

/**
 * A dispatch's figures at its node (or a day's, summed over its dispatches). Energies are signed (positive =
 * injection), each slot's power held for the slot's length.
 *
 * @param target      energy the slots promise, all of them
 * @param delivered   energy delivered over the slots measured so far; null before the first measurement
 * @param deviation   delivered minus target over the same slots (net, signed); null before the first measurement
 * @param revenueEur  the settlement's revenue, to the cent; null until settled
 * @param imbalanceEur the settlement's imbalance (negative = a cost), to the cent; null until settled
 */
public record DispatchTotals(MegawattHours target, MegawattHours delivered, MegawattHours deviation,
                             BigDecimal revenueEur, BigDecimal imbalanceEur) {

    /** Revenue plus imbalance; null until settled. */
    public BigDecimal totalEur() {
        return revenueEur == null || imbalanceEur == null ? null : revenueEur.add(imbalanceEur);
    }
}
