package org.vpp.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.DoubleUnaryOperator;

/**
 * Values on a regular time grid: value {@code i} holds for {@code [start + i*step, start + (i+1)*step)}. Immutable: the
 * array is copied in and out, so a series can be shared freely between threads, generators, twins and models.
 * Values may be non-finite (a forecaster's test poisons a tail with NaN to prove it never looks ahead); units are
 * the caller's: a series of power is in MW, of prices in EUR/MWh, converted when it is read or imported.
 */
public record TimeSeries(Instant start, Duration step, double[] values) {

    public TimeSeries {
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

    /** The instant right after the last value: exclusive end of the last slot, where a forecast from it starts. */
    public Instant end() {
        return timeAt(values.length);
    }

    /** Index of the slot containing {@code at}, empty when outside the series. */
    public OptionalInt indexOf(Instant at) {
        if (at.isBefore(start) || !at.isBefore(end())) {
            return OptionalInt.empty();
        }
        long nanos = Duration.between(start, at).toNanos();
        return OptionalInt.of((int) (nanos / step.toNanos()));
    }

    /** The value holding at {@code at}; refuses instants outside the series rather than inventing data. */
    public double valueAt(Instant at) {
        OptionalInt index = indexOf(at);
        if (index.isEmpty()) {
            throw new IllegalArgumentException(at + " is outside the series [" + start + ", " + end() + ")");
        }
        return values[index.getAsInt()];
    }

    /** Values {@code [from, to)}, keeping their timestamps. */
    public TimeSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, values.length);
        return new TimeSeries(timeAt(from), step, Arrays.copyOfRange(values, from, to));
    }

    /** How many steps make one {@code period}; the period must be a whole number of steps. */
    public int stepsPer(Duration period) {
        if (period.toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException(period + " is not a whole number of steps of " + step);
        }
        return Math.toIntExact(period.toNanos() / step.toNanos());
    }

    public TimeSeries map(DoubleUnaryOperator f) {
        double[] mapped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            mapped[i] = f.applyAsDouble(values[i]);
        }
        return new TimeSeries(start, step, mapped);
    }

    public double mean() {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries that
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
        return "TimeSeries[start=" + start + ", step=" + step + ", size=" + values.length + "]";
    }
}
