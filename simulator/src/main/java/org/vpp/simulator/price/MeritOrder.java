package org.vpp.simulator.price;

/** The deterministic part of the price: a pure function of the residual load. */
public final class MeritOrder {

    private MeritOrder() {
    }

    /**
     * Price for a residual load given as a fraction of peak demand (may be negative when renewables exceed demand).
     * Continuous at the negative threshold; the caller adds noise and spikes and applies floor and cap.
     */
    public static double priceEurPerMwh(double residualLoadFraction, PriceModel model) {
        double threshold = model.negativeBelowResidual();
        if (residualLoadFraction >= threshold) {
            return convex(residualLoadFraction, model);
        }
        return convex(threshold, model) - model.negativeSlopeEurPerMwh() * (threshold - residualLoadFraction);
    }

    private static double convex(double r, PriceModel model) {
        return model.fuelLevelEurPerMwh() * (0.22 + 1.1 * Math.pow(Math.max(0, r), model.curvature()));
    }
}
