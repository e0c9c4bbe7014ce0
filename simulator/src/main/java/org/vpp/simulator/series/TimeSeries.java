package org.vpp.simulator.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.DoubleUnaryOperator;

/**
 * Values on a regular time grid: value {@code i} holds for [start + i*step, start + (i+1)*step). Immutable: the
 * array is copied in and out, so a series can be shared between generators, twins and the market.
 */
public record TimeSeries(Instant start, Duration step, double[] values, Unit unit) {

    public TimeSeries {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(unit, "unit");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
            }
        }
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

    /** Exclusive end of the last slot. */
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

    public TimeSeries map(DoubleUnaryOperator f, Unit newUnit) {
        double[] mapped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            mapped[i] = f.applyAsDouble(values[i]);
        }
        return new TimeSeries(start, step, mapped, newUnit);
    }

    /** The same series expressed in the canonical unit of its quantity (e.g. kW to MW). */
    public TimeSeries inCanonicalUnit() {
        return unit.canonical() == unit ? this : map(unit::toCanonical, unit.canonical());
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
    public boolean equals(Object o) {
        return o instanceof TimeSeries other
                && start.equals(other.start)
                && step.equals(other.step)
                && unit == other.unit
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, unit, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + start + " step " + step + ", " + values.length + " values in " + unit + "]";
    }
}
