package org.vpp.optimizer.lp;

import java.time.Duration;
import java.util.List;
import org.vpp.optimizer.model.AssetSchedule;

/**
 * A reference solution of the schedule problem by a mathematical solver.
 * <ul>
 *   <li>The LP relaxation ({@link LpReference#solve}): continuous charge, discharge and state of charge, generators
 *       relaxed to {@code [0, max]}; its optimum is a bound, and {@code boundEur} equals {@code objectiveEur}.</li>
 *   <li>The exact mixed-integer program ({@link LpReference#solveExact}): a battery either charges or discharges in a
 *       slot, a generator runs between its minimum stable output and its maximum or is off; within its time budget
 *       the solver reports its best schedule ({@code objectiveEur}, NaN when it found none) and a proven bound
 *       ({@code boundEur}), equal when {@code optimal}.</li>
 * </ul>
 * {@code optimal} is false when the problem is infeasible (then no schedule exists for the discrete problem either),
 * the solver gave up, or, for the exact program, the budget ended before optimality was proven.
 */
public record LpSolution(boolean optimal, String status, String solver, double objectiveEur, double boundEur,
                         List<AssetSchedule> assets, Duration wallTime) {

    public LpSolution {
        assets = List.copyOf(assets);
    }

    /** A valid bound on the discrete optimum is known. */
    public boolean bounded() {
        return !Double.isNaN(boundEur);
    }
}
