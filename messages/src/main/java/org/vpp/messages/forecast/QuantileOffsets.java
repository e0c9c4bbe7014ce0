package org.vpp.messages.forecast;

import java.util.List;

/**
 * What turns a point forecast into P10, P50 and P90: per lead-time bucket of {@code bucketSteps} steps, the
 * quantiles of the selected model's cross-validation residuals, added to its forecast.
 */
public record QuantileOffsets(int bucketSteps, List<Double> p10, List<Double> p50, List<Double> p90) {

    public QuantileOffsets {
        p10 = List.copyOf(p10);
        p50 = List.copyOf(p50);
        p90 = List.copyOf(p90);
    }

    /** The first problem with these offsets, or null: one per bucket and level, finite, and P10 <= P50 <= P90. */
    public String problem() {
        if (bucketSteps < 1) return "bucketSteps must be at least 1, was " + bucketSteps;
        if (p10.isEmpty() || p10.size() != p50.size() || p50.size() != p90.size()) {
            return "one offset per bucket and level is required, were " + p10.size() + ", " + p50.size() + ", " + p90.size();
        }
        for (int b = 0; b < p10.size(); b++) {
            double low = p10.get(b);
            double mid = p50.get(b);
            double high = p90.get(b);
            if (!(Double.isFinite(low) && Double.isFinite(mid) && Double.isFinite(high)) || low > mid || mid > high) {
                return "offsets of bucket " + b + " must be finite with p10 <= p50 <= p90";
            }
        }
        return null;
    }
}
