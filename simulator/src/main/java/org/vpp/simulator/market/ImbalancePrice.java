package org.vpp.simulator.market;

import java.time.Instant;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.MegawattHours;

/**
 * Single-price imbalance settlement for one slot: every deviation pays or earns this price. It lies above the
 * clearing price when the system was short and below it when long, so deviating with the system costs money.
 */
public record ImbalancePrice(Instant slotStart, SystemDirection direction, EurPerMwh clearingPrice, EurPerMwh price) {

    /** Cash flow (EUR) for a deviation (delivered minus committed energy; positive = excess injection). */
    public double settlementEur(MegawattHours deviation) {
        return deviation.valueEur(price);
    }
}
