package org.vpp.optimizer.model;

/**
 * The distance to the best proven bound on the optimum: {@code 1 - objective / boundEur}. The bound is the LP
 * relaxation's optimum, or, when prices go negative and the relaxation can burn energy by charging and discharging a
 * battery at once, the exact mixed-integer program's bound when it is tighter ({@code boundSource} says which). Either
 * way the gap is an upper bound of the distance to the true optimum of the discrete problem.
 */
public record OptimalityGap(double boundEur, double objectiveEur, String boundSource) {

    public static final String LP = "LP relaxation";

    public OptimalityGap(double boundEur, double objectiveEur) {
        this(boundEur, objectiveEur, LP);
    }

    /** The relative gap; NaN when the bound is not positive (no meaningful ratio). */
    public double relative() {
        return boundEur > 1e-9 ? 1.0 - objectiveEur / boundEur : Double.NaN;
    }
}
