package org.vpp.simulator.market;

import java.time.Instant;

/**
 * Single-price imbalance settlement for one slot: every deviation pays or earns this price. It lies above the
 * clearing price when the system was short and below it when long, so deviating with the system costs money.
 */
public record ImbalancePrice(Instant slotStart, SystemDirection direction, double clearingPriceEurPerMwh,
        double priceEurPerMwh) {

    /** Cash flow for a deviation of {@code deviationMwh} (delivered minus committed; positive = excess injection). */
    public double settlementEur(double deviationMwh) {
        return deviationMwh * priceEurPerMwh;
    }
}
