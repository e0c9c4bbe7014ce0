package org.vpp.messages.dispatch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One slot settled. Energies in MWh (positive = injection), prices in EUR/MWh, money in EUR rounded to the cent:
 * {@code revenueEur} = delivered x clearing price; {@code imbalanceEur} = deviation x (imbalance price - clearing
 * price), the cost (negative) or revenue of settling the deviation at the imbalance price instead. For a manual
 * dispatch the delivered energy is paid at the imbalance price and there is no imbalance of its own.
 */
public record SlotSettlement(Instant start, double targetMwh, double deliveredMwh, double deviationMwh,
                             double clearingPriceEurPerMwh, double imbalancePriceEurPerMwh, String systemDirection,
                             BigDecimal revenueEur, BigDecimal imbalanceEur) {

    public BigDecimal totalEur() {
        return revenueEur.add(imbalanceEur);
    }
}
