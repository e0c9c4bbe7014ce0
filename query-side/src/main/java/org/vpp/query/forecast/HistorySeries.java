package org.vpp.query.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular series read from telemetry: value {@code i} is the mean power (MW) of the readings in
 * {@code [start + i * step, start + (i + 1) * step)}.
 *
 * @param filledSlots slots without readings inside the series, filled with the value before them
 */
public record HistorySeries(Instant start, Duration step, double[] values, int filledSlots) {

    public HistorySeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** The instant right after the last value. */
    public Instant end() {
        return start.plus(step.multipliedBy(values.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HistorySeries that && start.equals(that.start) && step.equals(that.step)
                && Arrays.equals(values, that.values) && filledSlots == that.filledSlots;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values), filledSlots);
    }

    @Override
    public String toString() {
        return "HistorySeries[start=" + start + ", step=" + step + ", size=" + values.length + ", filled=" + filledSlots + "]";
    }
}
