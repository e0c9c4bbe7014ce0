package org.vpp.simulator.twin;

/**
 * Applies successive limits to a power value and remembers the last limit that changed it: that limit is the one
 * the caller is told about.
 */
final class Clamp {

    private static final double TOLERANCE_MW = 1e-12;

    private double valueMw;
    private Limitation limitation = Limitation.NONE;

    Clamp(double valueMw) {
        this.valueMw = valueMw;
    }

    Clamp within(double lowMw, double highMw, Limitation because) {
        double clamped = Math.max(lowMw, Math.min(highMw, valueMw));
        if (Math.abs(clamped - valueMw) > TOLERANCE_MW) {
            limitation = because;
        }
        valueMw = clamped;
        return this;
    }

    double valueMw() {
        return valueMw;
    }

    StepOutcome outcome(double requestedMw) {
        Limitation reported = Math.abs(valueMw - requestedMw) > TOLERANCE_MW ? limitation : Limitation.NONE;
        return new StepOutcome(requestedMw, valueMw, reported);
    }

    static double hours(java.time.Duration dt) {
        if (dt.isNegative() || dt.isZero()) {
            throw new IllegalArgumentException("a step must last a positive time, was " + dt);
        }
        return dt.toNanos() / 3.6e12;
    }

    static double minutes(java.time.Duration dt) {
        return hours(dt) * 60;
    }
}
