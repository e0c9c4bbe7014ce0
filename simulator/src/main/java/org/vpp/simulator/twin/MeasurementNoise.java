package org.vpp.simulator.twin;

import java.util.random.RandomGenerator;

/**
 * Gaussian noise on reported telemetry: a fraction of the device's rated power for power, absolute for SoC. Only the
 * report is noisy; the twin's internal state stays exact.
 */
public record MeasurementNoise(double powerSigmaFractionOfRated, double socSigma) {

    public static final MeasurementNoise NONE = new MeasurementNoise(0, 0);

    public MeasurementNoise {
        if (powerSigmaFractionOfRated < 0 || socSigma < 0) {
            throw new IllegalArgumentException("noise must be non-negative");
        }
    }

    /** Typical revenue-grade meter: 0.5 % of rating, 0.5 % SoC. */
    public static MeasurementNoise typical() {
        return new MeasurementNoise(0.005, 0.005);
    }

    public double measuredPowerMw(double truePowerMw, double ratedPowerMw, RandomGenerator rng) {
        return truePowerMw + powerSigmaFractionOfRated * ratedPowerMw * rng.nextGaussian();
    }

    public double measuredSoc(double trueSoc, RandomGenerator rng) {
        return Math.max(0, Math.min(1, trueSoc + socSigma * rng.nextGaussian()));
    }
}
