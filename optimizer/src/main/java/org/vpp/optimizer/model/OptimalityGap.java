package org.vpp.optimizer.model;

/**
 * The distance to the exact optimum of the LP relaxation: {@code 1 - objective / lpObjective}. The LP is a
 * relaxation, so the gap is an upper bound of the distance to the true discrete optimum.
 */
public record OptimalityGap(double lpObjectiveEur, double objectiveEur) {

    /** The relative gap; NaN when the LP optimum is not positive (no meaningful ratio). */
    public double relative() {
        return lpObjectiveEur > 1e-9 ? 1.0 - objectiveEur / lpObjectiveEur : Double.NaN;
    }
}
