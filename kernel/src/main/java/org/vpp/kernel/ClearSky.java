package org.vpp.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * Clear-sky global horizontal irradiance (W/m²) from the sun's zenith angle: the Haurwitz (1945) model. It needs
 * nothing but the zenith and stays within a few percent of Ineichen for mid-latitude Europe; its peak (sun at
 * zenith) is 1098·e^-0.057 ≈ 1037 W/m². The zenith itself comes from a solar-position algorithm the caller owns
 * (NREL SPA in the forecaster and the simulator), so the kernel depends on nothing.
 */
public final class ClearSky {

    private ClearSky() {
    }

    /** W/m² with the sun at {@code zenithDeg}; 0 whenever the sun is at or below the horizon. */
    public static double haurwitzGhiWPerM2(double zenithDeg) {
        double cosZenith = Math.cos(Math.toRadians(zenithDeg));
        return cosZenith <= 0 ? 0 : 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }

    /**
     * The mean irradiance over each interval {@code [start + i*step, start + (i+1)*step)}, sampled at its start,
     * middle and end (Simpson's rule): a single midpoint would call an interval dark when the sun rises in its
     * second half.
     *
     * @param zenithDegAt the sun's zenith angle at an instant, at the site in question
     */
    public static double[] intervalMeans(ToDoubleFunction<Instant> zenithDegAt, Instant start, Duration step, int count) {
        double[] means = new double[count];
        Duration half = step.dividedBy(2);
        double previousEdge = haurwitzGhiWPerM2(zenithDegAt.applyAsDouble(start));
        for (int i = 0; i < count; i++) {
            Instant from = start.plus(step.multipliedBy(i));
            double nextEdge = haurwitzGhiWPerM2(zenithDegAt.applyAsDouble(from.plus(step)));
            means[i] = (previousEdge + 4 * haurwitzGhiWPerM2(zenithDegAt.applyAsDouble(from.plus(half))) + nextEdge) / 6;
            previousEdge = nextEdge;
        }
        return means;
    }
}
