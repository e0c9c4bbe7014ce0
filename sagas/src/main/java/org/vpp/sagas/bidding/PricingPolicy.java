package org.vpp.sagas.bidding;

import java.util.Locale;
import java.util.Objects;

import org.vpp.kernel.EurPerMwh;

/**
 * The parameters of {@link BidPricing}'s rule.
 *
 * @param uncertaintyFactor k in [0, 1]: 0 bids at the forecast's point, 1 at its low (sell) or high (buy) quantile
 * @param marginalCost      c, what delivering or absorbing one MWh costs the fleet (battery degradation, fuel); not
 *                          negative
 * @param energyValue       V, what one MWh taken from the grid is worth to the fleet (e.g. what it fetches when
 *                          discharged later); a purchase never pays more than V - c
 * @param roundTripEfficiency η in (0, 1]: the share of a purchased MWh the storage gives back when it is sold later;
 *                            a purchase is bid up to η times its later sales' price, less c
 */
public record PricingPolicy(double uncertaintyFactor, EurPerMwh marginalCost, EurPerMwh energyValue,
                            double roundTripEfficiency) {

    public PricingPolicy {
        Objects.requireNonNull(marginalCost, "marginalCost");
        Objects.requireNonNull(energyValue, "energyValue");
        if (!(uncertaintyFactor >= 0 && uncertaintyFactor <= 1)) {
            throw new IllegalArgumentException("uncertainty factor must be within [0, 1], got " + uncertaintyFactor);
        }
        if (!(Double.isFinite(marginalCost.value()) && marginalCost.value() >= 0)) {
            throw new IllegalArgumentException("marginal cost must be finite and not negative, got " + marginalCost);
        }
        if (!(roundTripEfficiency > 0 && roundTripEfficiency <= 1)) {
            throw new IllegalArgumentException("round-trip efficiency must be within (0, 1], got " + roundTripEfficiency);
        }
        if (!Double.isFinite(energyValue.value())) {
            throw new IllegalArgumentException("energy value must be finite, got " + energyValue);
        }
    }

    /** The most a purchase may pay: the energy's value less what it costs to absorb it. */
    public EurPerMwh buyCeiling() {
        return EurPerMwh.of(energyValue.value() - marginalCost.value());
    }

    /** The rule and its parameters, as recorded on the drafted bid. */
    public String describe() {
        return String.format(Locale.ROOT, "%s(k=%s, marginalCost=%s, energyValue=%s, roundTripEfficiency=%s)",
                BidPricing.RULE, uncertaintyFactor, marginalCost.value(), energyValue.value(), roundTripEfficiency);
    }
}
