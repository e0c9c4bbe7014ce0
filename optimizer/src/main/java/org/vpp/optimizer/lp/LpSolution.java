package org.vpp.optimizer.lp;

import java.time.Duration;
import java.util.List;
import org.vpp.optimizer.model.AssetSchedule;

/**
 * The exact optimum of the LP relaxation: continuous charge, discharge and state of charge, generators
 * relaxed to {@code [0, max]}. {@code optimal} is false when the LP is infeasible (then no schedule exists
 * for the relaxation either, so none exists for the discrete problem) or the solver gave up.
 */
public record LpSolution(boolean optimal, String status, String solver, double objectiveEur,
                         List<AssetSchedule> assets, Duration wallTime) {

    public LpSolution {
        assets = List.copyOf(assets);
    }
}
