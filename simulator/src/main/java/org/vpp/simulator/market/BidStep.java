package org.vpp.simulator.market;

/**
 * One step of a slot's bid curve. Positive quantity sells (accepted when the limit price is at or below the
 * clearing price), negative buys (accepted when the limit is at or above it).
 */
public record BidStep(double quantityMw, double limitPriceEurPerMwh) {

    public BidStep {
        if (!Double.isFinite(quantityMw) || quantityMw == 0) {
            throw new IllegalArgumentException("a bid step needs a non-zero finite quantity, was " + quantityMw);
        }
        if (!Double.isFinite(limitPriceEurPerMwh)) {
            throw new IllegalArgumentException("limit price must be finite");
        }
    }

    public boolean isSell() {
        return quantityMw > 0;
    }
}
