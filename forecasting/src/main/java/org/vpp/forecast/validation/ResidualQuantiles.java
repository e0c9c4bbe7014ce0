package org.vpp.forecast.validation;

import java.util.Arrays;
import java.util.List;
import org.vpp.forecast.value.QuantileBand;

/**
 * Empirical quantiles of the cross-validation residuals (actual minus forecast) per lead-time bucket, added to a
 * point forecast to give P10, P50 and P90. A bucket pools {@code bucketSteps} consecutive steps (an hour of
 * quarter-hours for a day-ahead horizon) so that each quantile rests on folds × steps residuals, not on the
 * handful of folds alone; with daily origins a lead-time bucket is also an hour of the day, which is what makes
 * the band narrow at night and wide at noon for PV.
 *
 * <p>The residuals come from the folds the selected model was scored on, so the band inherits their honesty:
 * a model that looked better in tuning than it is gets a band that is too narrow, and the coverage reported
 * on held-out days shows it.
 */
public record ResidualQuantiles(int bucketSteps, QuantileBand offsets) {

    public static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final int BUCKETS_PER_HORIZON = 24;

    public ResidualQuantiles {
        if (bucketSteps < 1) {
            throw new IllegalArgumentException("a bucket has at least one step, was " + bucketSteps);
        }
        double[] p10 = offsets.p10();
        double[] p50 = offsets.p50();
        double[] p90 = offsets.p90();
        if (p10.length == 0) {
            throw new IllegalArgumentException("at least one bucket of offsets is required");
        }
        for (int b = 0; b < p10.length; b++) {
            if (!(Double.isFinite(p10[b]) && Double.isFinite(p50[b]) && Double.isFinite(p90[b]))
                    || p10[b] > p50[b] || p50[b] > p90[b]) {
                throw new IllegalArgumentException("quantile offsets must be finite and ordered, bucket " + b);
            }
        }
    }

    /** One offset per bucket and level. */
    public ResidualQuantiles(int bucketSteps, double[] p10, double[] p50, double[] p90) {
        this(bucketSteps, new QuantileBand(p10, p50, p90));
    }

    /** The quantiles of {@code residuals} (one array per fold, each {@code steps} long), bucketed by lead time. */
    public static ResidualQuantiles of(List<double[]> residuals, int steps) {
        if (residuals.isEmpty()) {
            throw new IllegalArgumentException("quantiles need at least one fold's residuals");
        }
        int bucketSteps = Math.max(1, steps / BUCKETS_PER_HORIZON);
        int buckets = (steps + bucketSteps - 1) / bucketSteps;
        double[][] offsets = new double[LEVELS.length][buckets];
        for (int b = 0; b < buckets; b++) {
            int from = b * bucketSteps;
            int to = Math.min(steps, from + bucketSteps);
            double[] pooled = residuals.stream()
                    .flatMapToDouble(fold -> Arrays.stream(fold, from, Math.min(to, fold.length)))
                    .filter(Double::isFinite)
                    .sorted().toArray();
            for (int level = 0; level < LEVELS.length; level++) {
                offsets[level][b] = pooled.length == 0 ? 0 : quantile(pooled, LEVELS[level]);
            }
        }
        return new ResidualQuantiles(bucketSteps, offsets[0], offsets[1], offsets[2]);
    }

    /** The band around {@code point}; not yet clipped to what physics allows. */
    public QuantileBand around(double[] point) {
        double[] p10 = offsets.p10();
        double[] p50 = offsets.p50();
        double[] p90 = offsets.p90();
        double[][] levels = new double[3][point.length];
        for (int k = 0; k < point.length; k++) {
            int bucket = Math.min(k / bucketSteps, p10.length - 1);
            levels[0][k] = point[k] + p10[bucket];
            levels[1][k] = point[k] + p50[bucket];
            levels[2][k] = point[k] + p90[bucket];
        }
        return new QuantileBand(levels[0], levels[1], levels[2]);
    }

    /** How many lead-time buckets there are. */
    public int buckets() {
        return offsets.size();
    }

    public double[] p10() {
        return offsets.p10();
    }

    public double[] p50() {
        return offsets.p50();
    }

    public double[] p90() {
        return offsets.p90();
    }

    /** Linear interpolation between order statistics (Hyndman and Fan's type 7, R's default). */
    static double quantile(double[] sorted, double level) {
        double position = level * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
