package org.vpp.optimizer.aggregation;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;

/**
 * The disaggregation LP of one group: continuous charge, discharge and state of charge of every device
 * (the same device physics as the LP reference: power limits, floor/ceiling and reserve, efficiencies, ramp,
 * degradation, terminal target), with the group's net power per slot tied to the aggregated setpoint through
 * a deviation in each direction. Lexicographic objective folded into one: the deviation costs far more per MWh
 * than any device can earn, so the LP first follows the setpoint as closely as the devices allow, then picks
 * the most valuable split among the closest ones.
 */
final class GroupTracking {

    private static volatile boolean nativesLoaded;

    private GroupTracking() {
    }

    /** Device powers [device][slot] and states of charge [device][slot], plus the LP's status name. */
    record Result(double[][] powerMw, double[][] socMwh, String status) {
    }

    static Result solve(Horizon horizon, Prices prices, List<Battery> devices, double[] setpointMw) {
        loadNatives();
        MPSolver solver = MPSolver.createSolver("HIGHS_LP");
        if (solver == null) {
            solver = MPSolver.createSolver("GLOP");
        }
        if (solver == null) {
            throw new IllegalStateException("no LP solver (HiGHS, GLOP) available for the disaggregation");
        }
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
        MPVariable[][] c = new MPVariable[m][];
        MPVariable[][] d = new MPVariable[m][];
        MPVariable[][] s = new MPVariable[m][];
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
            Battery b = devices.get(i);
            c[i] = solver.makeNumVarArray(n, 0.0, b.maxChargeMw(), "");
            d[i] = solver.makeNumVarArray(n, 0.0, b.maxDischargeMw(), "");
            s[i] = solver.makeNumVarArray(n, b.usableFloorMwh(), b.socMaxMwh(), "");
            double rampPerSlot = b.rampMwPerMin() * horizon.slotMinutes();
            boolean rampBinds = rampPerSlot < b.maxChargeMw() + b.maxDischargeMw();
            double deg = b.degradationEurPerMwh();
            for (int t = 0; t < n; t++) {
                double rhs = t == 0 ? b.initialSocMwh() : 0.0;
                MPConstraint balance = solver.makeConstraint(rhs, rhs);
                balance.setCoefficient(s[i][t], 1.0);
                if (t > 0) {
                    balance.setCoefficient(s[i][t - 1], -1.0);
                }
                balance.setCoefficient(c[i][t], -b.chargeEfficiency() * h);
                balance.setCoefficient(d[i][t], h / b.dischargeEfficiency());
                if (rampBinds && t > 0) {
                    MPConstraint ramp = solver.makeConstraint(-rampPerSlot, rampPerSlot);
                    ramp.setCoefficient(d[i][t], 1.0);
                    ramp.setCoefficient(c[i][t], -1.0);
                    ramp.setCoefficient(d[i][t - 1], -1.0);
                    ramp.setCoefficient(c[i][t - 1], 1.0);
                }
                double price = prices.at(t);
                objective.setCoefficient(d[i][t], price * h - deg * h / b.dischargeEfficiency());
                objective.setCoefficient(c[i][t], -price * h - deg * h * b.chargeEfficiency());
                tracking[t].setCoefficient(d[i][t], 1.0);
                tracking[t].setCoefficient(c[i][t], -1.0);
            }
            if (b.terminalValueEurPerMwh() > 0 && b.terminalTargetMwh() > b.usableFloorMwh()) {
                MPVariable shortfall = solver.makeNumVar(0.0, infinity, "");
                MPConstraint terminal = solver.makeConstraint(b.terminalTargetMwh(), infinity);
                terminal.setCoefficient(shortfall, 1.0);
                terminal.setCoefficient(s[i][n - 1], 1.0);
                objective.setCoefficient(shortfall, -b.terminalValueEurPerMwh());
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
                power[i][t] = d[i][t].solutionValue() - c[i][t].solutionValue();
                soc[i][t] = Math.clamp(s[i][t].solutionValue(), b.usableFloorMwh(), b.socMaxMwh());
            }
        }
        return new Result(power, soc, status.name());
    }

    private static void loadNatives() {
        if (!nativesLoaded) {
            synchronized (GroupTracking.class) {
                if (!nativesLoaded) {
                    Loader.loadNativeLibraries();
                    nativesLoaded = true;
                }
            }
        }
    }
}
