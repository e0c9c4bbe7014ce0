package org.vpp.optimizer.lp;

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
 * The battery as a linear program, written once for the LP reference and the disaggregation: continuous charge
 * {@code c}, discharge {@code d} and state of charge {@code s} per slot; the energy balance
 * {@code s[t] = s[t-1] + etaC*h*c[t] - h/etaD*d[t]} (the kernel's battery energy arithmetic, linearised by splitting
 * the power in two), power limits and the usable band as bounds, the ramp between neighbouring slots, the revenue
 * and degradation in the objective, and a terminal shortfall valued at the battery's terminal value. Also owns the
 * loading of OR-Tools' native library and the choice of solver.
 */
public final class BatteryLp {

    private static volatile boolean nativesLoaded;

    private BatteryLp() {
    }

    /** A solver and the id it was created from. */
    public record Solver(MPSolver solver, String id) {
    }

    /** The first of {@code solverIds} that OR-Tools can create, after loading its native library once. */
    public static Solver createSolver(List<String> solverIds) {
        loadNatives();
        for (String id : solverIds) {
            MPSolver solver = MPSolver.createSolver(id);
            if (solver != null) {
                return new Solver(solver, id);
            }
        }
        throw new IllegalStateException("none of the LP solvers " + solverIds + " is available");
    }

    /** One battery's variables: charge and discharge power (MW, both >= 0) and state of charge (MWh) per slot. */
    public record Variables(MPVariable[] charge, MPVariable[] discharge, MPVariable[] soc) {

        /** Net power of the solved slot, positive = export. */
        public double powerMw(int slot) {
            return discharge[slot].solutionValue() - charge[slot].solutionValue();
        }

        public double socMwh(int slot) {
            return soc[slot].solutionValue();
        }
    }

    /** Adds one battery to {@code solver}'s model and objective (which must maximise). */
    public static Variables add(MPSolver solver, Battery b, Horizon horizon, Prices prices) {
        int n = horizon.slotCount();
        double h = horizon.slotHours();
        MPObjective objective = solver.objective();
        MPVariable[] c = solver.makeNumVarArray(n, 0.0, b.maxChargeMw(), "");
        MPVariable[] d = solver.makeNumVarArray(n, 0.0, b.maxDischargeMw(), "");
        MPVariable[] s = solver.makeNumVarArray(n, b.usableFloorMwh(), b.socMaxMwh(), "");
        double rampPerSlot = b.rampMwPerMin() * horizon.slotMinutes();
        boolean rampBinds = rampPerSlot < b.maxChargeMw() + b.maxDischargeMw();
        double deg = b.degradationEurPerMwh();
        for (int t = 0; t < n; t++) {
            double rhs = t == 0 ? b.initialSocMwh() : 0.0;
            MPConstraint balance = solver.makeConstraint(rhs, rhs);
            balance.setCoefficient(s[t], 1.0);
            if (t > 0) {
                balance.setCoefficient(s[t - 1], -1.0);
            }
            balance.setCoefficient(c[t], -b.chargeEfficiency() * h);
            balance.setCoefficient(d[t], h / b.dischargeEfficiency());
            if (rampBinds && t > 0) {
                MPConstraint ramp = solver.makeConstraint(-rampPerSlot, rampPerSlot);
                ramp.setCoefficient(d[t], 1.0);
                ramp.setCoefficient(c[t], -1.0);
                ramp.setCoefficient(d[t - 1], -1.0);
                ramp.setCoefficient(c[t - 1], 1.0);
            }
            double price = prices.at(t);
            objective.setCoefficient(d[t], price * h - deg * h / b.dischargeEfficiency());
            objective.setCoefficient(c[t], -price * h - deg * h * b.chargeEfficiency());
        }
        if (b.deepEurPerMwhHour() > 0 && b.deepFloorMwh() > b.usableFloorMwh()) {
            // depth[t] >= deepFloor - soc[t], depth >= 0, each MWh of depth costs its price per hour of the slot
            for (int t = 0; t < n; t++) {
                MPVariable depth = solver.makeNumVar(0.0, MPSolver.infinity(), "");
                MPConstraint below = solver.makeConstraint(b.deepFloorMwh(), MPSolver.infinity());
                below.setCoefficient(depth, 1.0);
                below.setCoefficient(s[t], 1.0);
                objective.setCoefficient(depth, -b.deepEurPerMwhHour() * h);
            }
        }
        if (b.terminalValueEurPerMwh() > 0 && b.terminalTargetMwh() > b.usableFloorMwh()) {
            MPVariable shortfall = solver.makeNumVar(0.0, MPSolver.infinity(), "");
            MPConstraint terminal = solver.makeConstraint(b.terminalTargetMwh(), MPSolver.infinity());
            terminal.setCoefficient(shortfall, 1.0);
            terminal.setCoefficient(s[n - 1], 1.0);
            objective.setCoefficient(shortfall, -b.terminalValueEurPerMwh());
        }
        return new Variables(c, d, s);
    }

    static void loadNatives() {
        if (!nativesLoaded) {
            synchronized (BatteryLp.class) {
                if (!nativesLoaded) {
                    Loader.loadNativeLibraries();
                    nativesLoaded = true;
                }
            }
        }
    }
}
