package org.vpp.simulator.market;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/**
 * One step of a slot's bid curve. Positive quantity sells (accepted when the limit price is at or below the
 * clearing price), negative buys (accepted when the limit is at or above it).
 */
public record BidStep(Megawatts quantity, EurPerMwh limitPrice) {

    public BidStep {
        if (!Double.isFinite(quantity.value()) || quantity.value() == 0) {
            throw new IllegalArgumentException("a bid step needs a non-zero finite quantity, was " + quantity);
        }
        if (!Double.isFinite(limitPrice.value())) {
            throw new IllegalArgumentException("limit price must be finite");
        }
    }

    public boolean isSell() {
        return quantity.value() > 0;
    }
}
