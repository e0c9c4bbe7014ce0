package org.vpp.forecast.value;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular univariate time series: value {@code i} covers {@code [timeAt(i), timeAt(i + 1))}.
 * The array is copied in and out so that a series can be shared freely between threads.
 */
public record Series(Instant start, Duration step, double[] values) {

    public Series {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(values, "values");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double valueAt(int index) {
        return values[index];
    }

    public Instant timeAt(int index) {
        return start.plus(step.multipliedBy(index));
    }

    /** The instant right after the last value: where a forecast made from this history starts. */
    public Instant end() {
        return timeAt(values.length);
    }

    /** Values {@code [from, to)}, keeping their timestamps. */
    public Series slice(int from, int to) {
        Objects.checkFromToIndex(from, to, values.length);
        return new Series(timeAt(from), step, Arrays.copyOfRange(values, from, to));
    }

    /** How many steps make one {@code period}; the period must be a whole number of steps. */
    public int stepsPer(Duration period) {
        if (period.toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException(period + " is not a whole number of steps of " + step);
        }
        return Math.toIntExact(period.toNanos() / step.toNanos());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series that
                && start.equals(that.start)
                && step.equals(that.step)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Series[start=" + start + ", step=" + step + ", size=" + values.length + "]";
    }
}
