package org.vpp.optimizer.aggregation;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;
import org.vpp.optimizer.lp.BatteryLp;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;

/**
 * The disaggregation LP of one group: every device as {@link BatteryLp} writes it (the very model of the LP
 * reference: power limits, floor/ceiling and reserve, efficiencies, ramp, degradation, terminal target), with the group's net power per slot tied to the aggregated setpoint through
 * a deviation in each direction. Lexicographic objective folded into one: the deviation costs far more per MWh
 * than any device can earn, so the LP first follows the setpoint as closely as the devices allow, then picks
 * the most valuable split among the closest ones.
 */
final class GroupTracking {

    private GroupTracking() {
    }

    /** Device powers [device][slot] and states of charge [device][slot], plus the LP's status name. */
    record Result(double[][] powerMw, double[][] socMwh, String status) {
    }

    static Result solve(Horizon horizon, Prices prices, List<Battery> devices, double[] setpointMw) {
        MPSolver solver = BatteryLp.createSolver(LpReference.DEFAULT_SOLVERS).solver();
        try {
            return build(solver, horizon, prices, devices, setpointMw);
        } finally {
            solver.delete();
        }
    }

    /** EUR per MWh of deviation: above what any MWh can be worth to a device of this group. */
    static double penaltyEurPerMwh(Prices prices, List<Battery> devices, int n) {
        double maxPrice = 0;
        for (int t = 0; t < n; t++) {
            maxPrice = Math.max(maxPrice, Math.abs(prices.at(t)));
        }
        double maxCost = 0;
        for (Battery b : devices) {
            maxCost = Math.max(maxCost, (b.degradationEurPerMwh() + b.terminalValueEurPerMwh())
                    / (b.chargeEfficiency() * b.dischargeEfficiency()));
        }
        return 10 * (maxPrice + maxCost) + 1000;
    }

    private static Result build(MPSolver solver, Horizon horizon, Prices prices, List<Battery> devices,
                                double[] setpointMw) {
        int n = horizon.slotCount();
        int m = devices.size();
        double h = horizon.slotHours();
        double infinity = MPSolver.infinity();
        MPObjective objective = solver.objective();
        objective.setMaximization();
        BatteryLp.Variables[] vars = new BatteryLp.Variables[m];
        MPConstraint[] tracking = new MPConstraint[n];
        double penalty = penaltyEurPerMwh(prices, devices, n);
        for (int t = 0; t < n; t++) {
            // sum(d - c) + under - over = setpoint
            tracking[t] = solver.makeConstraint(setpointMw[t], setpointMw[t]);
            MPVariable under = solver.makeNumVar(0.0, infinity, "");
            MPVariable over = solver.makeNumVar(0.0, infinity, "");
            tracking[t].setCoefficient(under, 1.0);
            tracking[t].setCoefficient(over, -1.0);
            objective.setCoefficient(under, -penalty * h);
            objective.setCoefficient(over, -penalty * h);
        }
        for (int i = 0; i < m; i++) {
            vars[i] = BatteryLp.add(solver, devices.get(i), horizon, prices);
            for (int t = 0; t < n; t++) {
                tracking[t].setCoefficient(vars[i].discharge()[t], 1.0);
                tracking[t].setCoefficient(vars[i].charge()[t], -1.0);
            }
        }
        MPSolver.ResultStatus status = solver.solve();
        double[][] power = new double[m][n];
        double[][] soc = new double[m][n];
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return new Result(null, null, status.name());
        }
        for (int i = 0; i < m; i++) {
            Battery b = devices.get(i);
            for (int t = 0; t < n; t++) {
                power[i][t] = vars[i].powerMw(t);
                soc[i][t] = Math.clamp(vars[i].socMwh(t), b.usableFloorMwh(), b.socMaxMwh());
            }
        }
        return new Result(power, soc, status.name());
    }
}
