package org.vpp.kernel;

/** A price of energy in EUR/MWh; may be negative (the seller pays). */
public record EurPerMwh(double value) implements Comparable<EurPerMwh> {

    public static EurPerMwh of(double value) {
        return new EurPerMwh(value);
    }

    @Override
    public int compareTo(EurPerMwh other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " EUR/MWh";
    }
}
