package org.vpp.optimizer.lp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.FlexibleLoad;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;

/**
 * The problem relaxed to a linear program and solved exactly with OR-Tools: the yardstick of the Timefold
 * schedules (their gap is {@code 1 - objective / lpObjective}) and their warm start.
 */
public final class LpReference {

    /** Solvers tried in order; HiGHS is much faster than GLOP on thousands of batteries. */
    public static final List<String> DEFAULT_SOLVERS = List.of("HIGHS_LP", "GLOP");

    private static volatile boolean nativesLoaded;

    private final List<String> solverIds;

    public LpReference() {
        this(DEFAULT_SOLVERS);
    }

    public LpReference(List<String> solverIds) {
        this.solverIds = List.copyOf(solverIds);
    }

    private static void loadNatives() {
        if (!nativesLoaded) {
            synchronized (LpReference.class) {
                if (!nativesLoaded) {
                    Loader.loadNativeLibraries();
                    nativesLoaded = true;
                }
            }
        }
    }

    public LpSolution solve(Problem problem) {
        loadNatives();
        MPSolver solver = null;
        String used = null;
        for (String id : solverIds) {
            solver = MPSolver.createSolver(id);
            if (solver != null) {
                used = id;
                break;
            }
        }
        if (solver == null) {
            throw new IllegalStateException("none of the LP solvers " + solverIds + " is available");
        }
        try {
            return build(solver, used, problem);
        } finally {
            solver.delete();
        }
    }

    private static LpSolution build(MPSolver solver, String solverId, Problem problem) {
        int n = problem.horizon().slotCount();
        double h = problem.horizon().slotHours();
        double infinity = MPSolver.infinity();
        MPObjective objective = solver.objective();
        objective.setMaximization();
        // net[asset][t] as (variable, coefficient) terms, for node limits and commitments
        Map<String, List<List<Term>>> netTerms = new HashMap<>();
        Map<String, MPVariable[]> charge = new HashMap<>();
        Map<String, MPVariable[]> discharge = new HashMap<>();
        Map<String, MPVariable[]> soc = new HashMap<>();
        Map<String, MPVariable[]> single = new HashMap<>();
        Map<String, Double> singleSign = new HashMap<>();

        for (Battery b : problem.batteries()) {
            MPVariable[] c = solver.makeNumVarArray(n, 0.0, b.maxChargeMw(), "");
            MPVariable[] d = solver.makeNumVarArray(n, 0.0, b.maxDischargeMw(), "");
            MPVariable[] s = solver.makeNumVarArray(n, b.usableFloorMwh(), b.socMaxMwh(), "");
            double rampPerSlot = b.rampMwPerMin() * problem.horizon().slotMinutes();
            boolean rampBinds = rampPerSlot < b.maxChargeMw() + b.maxDischargeMw();
            List<List<Term>> terms = new ArrayList<>(n);
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
                double price = problem.prices().at(t);
                double deg = b.degradationEurPerMwh();
                objective.setCoefficient(d[t], price * h - deg * h / b.dischargeEfficiency());
                objective.setCoefficient(c[t], -price * h - deg * h * b.chargeEfficiency());
                terms.add(List.of(new Term(d[t], 1.0), new Term(c[t], -1.0)));
            }
            if (b.terminalValueEurPerMwh() > 0 && b.terminalTargetMwh() > b.usableFloorMwh()) {
                MPVariable shortfall = solver.makeNumVar(0.0, infinity, "");
                MPConstraint terminal = solver.makeConstraint(b.terminalTargetMwh(), infinity);
                terminal.setCoefficient(shortfall, 1.0);
                terminal.setCoefficient(s[n - 1], 1.0);
                objective.setCoefficient(shortfall, -b.terminalValueEurPerMwh());
            }
            charge.put(b.id(), c);
            discharge.put(b.id(), d);
            soc.put(b.id(), s);
            netTerms.put(b.id(), terms);
        }
        for (Renewable r : problem.renewables()) {
            MPVariable[] g = new MPVariable[n];
            for (int t = 0; t < n; t++) {
                g[t] = solver.makeNumVar(0.0, r.forecastMw().get(t), "");
                objective.setCoefficient(g[t], problem.prices().at(t) * h);
            }
            putSingle(r.id(), g, 1.0, single, singleSign, netTerms);
        }
        for (Generator gen : problem.generators()) {
            MPVariable[] g = solver.makeNumVarArray(n, 0.0, gen.maxMw(), "");
            for (int t = 0; t < n; t++) {
                objective.setCoefficient(g[t], (problem.prices().at(t) - gen.costEurPerMwh()) * h);
            }
            putSingle(gen.id(), g, 1.0, single, singleSign, netTerms);
        }
        for (FlexibleLoad l : problem.loads()) {
            MPVariable[] x = new MPVariable[n];
            MPConstraint energy = solver.makeConstraint(l.energyMwh() - l.energyToleranceMwh(),
                    l.energyMwh() + l.energyToleranceMwh());
            for (int t = 0; t < n; t++) {
                x[t] = solver.makeNumVar(l.minConsumptionMw().get(t), l.maxConsumptionMw().get(t), "");
                objective.setCoefficient(x[t], -problem.prices().at(t) * h);
                energy.setCoefficient(x[t], h);
            }
            putSingle(l.id(), x, -1.0, single, singleSign, netTerms);
        }
        Map<String, GridNode> nodes = new HashMap<>();
        for (GridNode node : problem.nodes()) {
            nodes.put(node.id(), node);
            for (int t = 0; t < n; t++) {
                MPConstraint limit = solver.makeConstraint(-node.importLimitMw(), node.exportLimitMw());
                addNet(limit, node.assetIds(), t, netTerms);
            }
        }
        for (Commitment commitment : problem.commitments()) {
            MPConstraint delivered = solver.makeConstraint(commitment.netMw() - commitment.toleranceMw(),
                    commitment.netMw() + commitment.toleranceMw());
            addNet(delivered, commitment.nodeId().map(id -> nodes.get(id).assetIds()).orElse(netTerms.keySet()),
                    commitment.slot(), netTerms);
        }

        MPSolver.ResultStatus status = solver.solve();
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        Duration wall = Duration.ofMillis(solver.wallTime());
        if (!optimal) {
            return new LpSolution(false, status.name(), solverId, Double.NaN, List.of(), wall);
        }
        List<AssetSchedule> assets = new ArrayList<>();
        for (Battery b : problem.batteries()) {
            List<Double> power = new ArrayList<>(n);
            List<Double> socs = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                power.add(discharge.get(b.id())[t].solutionValue() - charge.get(b.id())[t].solutionValue());
                socs.add(soc.get(b.id())[t].solutionValue());
            }
            assets.add(new AssetSchedule(b.id(), power, socs));
        }
        for (String id : problem.assetIds()) {
            MPVariable[] vars = single.get(id);
            if (vars != null) {
                List<Double> power = new ArrayList<>(n);
                for (int t = 0; t < n; t++) {
                    power.add(singleSign.get(id) * vars[t].solutionValue());
                }
                assets.add(new AssetSchedule(id, power, List.of()));
            }
        }
        return new LpSolution(true, status.name(), solverId, objective.value(), assets, wall);
    }

    private static void putSingle(String id, MPVariable[] vars, double sign, Map<String, MPVariable[]> single,
                                  Map<String, Double> singleSign, Map<String, List<List<Term>>> netTerms) {
        single.put(id, vars);
        singleSign.put(id, sign);
        List<List<Term>> terms = new ArrayList<>(vars.length);
        for (MPVariable v : vars) {
            terms.add(List.of(new Term(v, sign)));
        }
        netTerms.put(id, terms);
    }

    private static void addNet(MPConstraint constraint, java.util.Collection<String> assetIds, int slot,
                               Map<String, List<List<Term>>> netTerms) {
        for (String id : assetIds) {
            for (Term term : netTerms.get(id).get(slot)) {
                constraint.setCoefficient(term.variable(), term.coefficient());
            }
        }
    }

    private record Term(MPVariable variable, double coefficient) {
    }
}
