package org.vpp.kernel;

/** Energy in MWh; sign as for {@link Megawatts} where it is a flow, positive where it is a stored amount. */
public record MegawattHours(double value) implements Comparable<MegawattHours> {

    public static final MegawattHours ZERO = new MegawattHours(0);

    public static MegawattHours of(double value) {
        return new MegawattHours(value);
    }

    public MegawattHours plus(MegawattHours other) {
        return new MegawattHours(value + other.value);
    }

    /** What this energy is worth (EUR) at {@code price}. */
    public double valueEur(EurPerMwh price) {
        return value * price.value();
    }

    @Override
    public int compareTo(MegawattHours other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " MWh";
    }
}
