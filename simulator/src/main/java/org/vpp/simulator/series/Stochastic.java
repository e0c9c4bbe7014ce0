package org.vpp.simulator.series;

import java.time.Duration;

/** Small pure functions for the persistent noise processes the generators share. */
public final class Stochastic {

    private Stochastic() {
    }

    /**
     * Per-step AR(1) coefficient for a process with the given correlation over one hour, so a series keeps the same
     * persistence whatever its time step.
     */
    public static double phiForStep(double hourlyCorrelation, Duration step) {
        double hours = step.toNanos() / 3.6e12;
        return Math.pow(hourlyCorrelation, hours);
    }

    /** One step of a zero-mean AR(1) with unit stationary variance driven by a standard normal shock. */
    public static double ar1Next(double previous, double phi, double standardNormalShock) {
        return phi * previous + Math.sqrt(1 - phi * phi) * standardNormalShock;
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf), accurate to about 1e-7: enough for shaping noise. */
    public static double normalCdf(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    static double erf(double x) {
        double sign = Math.signum(x);
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * ax);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-ax * ax);
        return sign * y;
    }

    /** Weibull quantile: maps a uniform in (0,1) to a Weibull(shape, scale) value. */
    public static double weibullQuantile(double u, double shape, double scale) {
        double clamped = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
        return scale * Math.pow(-Math.log(1 - clamped), 1 / shape);
    }

    public static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
