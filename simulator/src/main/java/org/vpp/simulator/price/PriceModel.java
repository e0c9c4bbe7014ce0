package org.vpp.simulator.price;

/**
 * Parameters of the merit-order price model. Prices follow the residual load (demand minus renewables, as a
 * fraction of peak demand): convex above {@code negativeBelowResidual}, falling steeply below it because
 * must-run plants and subsidised renewables bid negative when the system is flooded.
 */
public record PriceModel(
        double fuelLevelEurPerMwh,
        double curvature,
        double negativeBelowResidual,
        double negativeSlopeEurPerMwh,
        double noiseSigmaEurPerMwh,
        double spikeProbabilityAtHighLoad,
        double spikeMeanEurPerMwh,
        double floorEurPerMwh,
        double capEurPerMwh) {

    public PriceModel {
        if (!(fuelLevelEurPerMwh > 0) || !(curvature > 0)) {
            throw new IllegalArgumentException("fuel level and curvature must be positive");
        }
        if (!(floorEurPerMwh < capEurPerMwh)) {
            throw new IllegalArgumentException("floor must be below cap");
        }
        if (spikeProbabilityAtHighLoad < 0 || spikeProbabilityAtHighLoad > 1) {
            throw new IllegalArgumentException("spike probability must be in [0, 1]");
        }
    }

    /** Roughly the central-European day-ahead market of the mid-2020s; EPEX harmonised floor and cap. */
    public static PriceModel centralEurope() {
        return new PriceModel(150, 1.5, -0.05, 120, 7, 0.03, 120, -500, 4000);
    }
}
