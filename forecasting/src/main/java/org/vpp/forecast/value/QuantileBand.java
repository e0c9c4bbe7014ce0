package org.vpp.forecast.value;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/** P10, P50 and P90 per step of a forecast: eight in ten actuals should fall between P10 and P90. */
public record QuantileBand(double[] p10, double[] p50, double[] p90) {

    public QuantileBand {
        if (p10.length != p50.length || p50.length != p90.length) {
            throw new IllegalArgumentException("one value per step and level, were " + p10.length + ", "
                    + p50.length + ", " + p90.length);
        }
        p10 = p10.clone();
        p50 = p50.clone();
        p90 = p90.clone();
    }

    /** Each level passed through {@code bound} (e.g. physical limits), then put back in order. */
    public QuantileBand bounded(UnaryOperator<double[]> bound) {
        double[] low = bound.apply(p10.clone());
        double[] mid = bound.apply(p50.clone());
        double[] high = bound.apply(p90.clone());
        for (int k = 0; k < low.length; k++) {
            double[] sorted = {low[k], mid[k], high[k]};
            Arrays.sort(sorted);
            low[k] = sorted[0];
            mid[k] = sorted[1];
            high[k] = sorted[2];
        }
        return new QuantileBand(low, mid, high);
    }

    /**
     * The share of {@code actual} values within [P10, P90], over the steps the forecast called uncertain: a step
     * whose band has no width (PV at night, held at zero by physics) says nothing of calibration, whatever a meter
     * reads there. NaN when no step counts.
     */
    public double coverage(double[] actual) {
        int[] counts = coverageCounts(actual);
        return counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
    }

    /** {inside, counted} for {@link #coverage}, to pool over many forecasts. */
    public int[] coverageCounts(double[] actual) {
        int inside = 0;
        int counted = 0;
        for (int k = 0; k < Math.min(actual.length, p10.length); k++) {
            if (p10[k] == p90[k]) continue;
            counted++;
            if (actual[k] >= p10[k] && actual[k] <= p90[k]) inside++;
        }
        return new int[] {inside, counted};
    }

    public int size() {
        return p10.length;
    }

    @Override
    public double[] p10() {
        return p10.clone();
    }

    @Override
    public double[] p50() {
        return p50.clone();
    }

    @Override
    public double[] p90() {
        return p90.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuantileBand that && Arrays.equals(p10, that.p10) && Arrays.equals(p50, that.p50)
                && Arrays.equals(p90, that.p90);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(p10) + Arrays.hashCode(p50)) + Arrays.hashCode(p90);
    }
}
