package org.vpp.kernel;

import java.time.Duration;

/** Power in MW; positive = injection into the grid (generation, discharge), negative = consumption. */
public record Megawatts(double value) implements Comparable<Megawatts> {

    public static final Megawatts ZERO = new Megawatts(0);

    public static Megawatts of(double value) {
        return new Megawatts(value);
    }

    /** The energy of this power held constant for {@code duration}. */
    public MegawattHours over(Duration duration) {
        return new MegawattHours(value * duration.toNanos() / 3_600_000_000_000.0);
    }

    public Megawatts plus(Megawatts other) {
        return new Megawatts(value + other.value);
    }

    @Override
    public int compareTo(Megawatts other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " MW";
    }
}
