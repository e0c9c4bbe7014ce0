package org.vpp.optimizer.lp;

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

    /** The exact program's budget when a schedule's gap needs it (negative prices): proven optimal well within it for
     * a hundred batteries here, its best bound otherwise. */
    public static final Duration DEFAULT_EXACT_BUDGET = Duration.ofSeconds(10);

    private final List<String> solverIds;
    private final Duration exactBudget;

    /**
     * The LP and MIP solvers this process can create, in the order tried ({@link #DEFAULT_SOLVERS}, then
     * {@link #MIP_SOLVERS}); empty when OR-Tools' natives cannot be loaded here. For a health check: a schedule's bound
     * needs one of each.
     */
    public static List<String> availableSolvers() {
        try {
            BatteryLp.loadNatives();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        List<String> available = new ArrayList<>();
        for (String id : java.util.stream.Stream.concat(DEFAULT_SOLVERS.stream(), MIP_SOLVERS.stream()).toList()) {
            MPSolver solver = MPSolver.createSolver(id);
            if (solver != null) {
                available.add(id);
                solver.delete();
            }
        }
        return List.copyOf(available);
    }

    public LpReference() {
        this(DEFAULT_SOLVERS, DEFAULT_EXACT_BUDGET);
    }

    public LpReference(List<String> solverIds) {
        this(solverIds, DEFAULT_EXACT_BUDGET);
    }

    /** @param exactBudget time for the exact program where the relaxation is loose; zero: never solve it */
    public LpReference(List<String> solverIds, Duration exactBudget) {
        this.solverIds = List.copyOf(solverIds);
        this.exactBudget = exactBudget;
    }

    /**
     * The tightest bound worth its cost for this problem: the exact program's, within the configured budget, when the
     * relaxation can burn energy at negative prices; empty otherwise (the relaxation's own optimum is the bound).
     */
    public java.util.Optional<LpSolution> exactBoundWhereNeeded(Problem problem) {
        if (exactBudget.isZero() || !relaxationMayBurn(problem)) return java.util.Optional.empty();
        return java.util.Optional.of(solveExact(problem, exactBudget));
    }

    public LpSolution solve(Problem problem) {
        BatteryLp.Solver created = BatteryLp.createSolver(solverIds);
        MPSolver solver = created.solver();
        try {
            return build(solver, created.id(), problem, false);
        } finally {
            solver.delete();
        }
    }

    /** The MIP solvers tried for {@link #solveExact}, in order: OR-Tools' bundled SCIP, then CP-SAT. */
    public static final List<String> MIP_SOLVERS = List.of("SCIP", "CP_SAT");

    /**
     * The exact program of the same model: the relaxation plus, per battery and slot, a binary that lets it charge or
     * discharge but not both (at negative prices the relaxation would do both to burn energy through its losses), and
     * per generator and slot a binary commitment between its minimum stable output and its maximum. Within
     * {@code budget} it answers the best schedule found and a proven bound on the optimum.
     */
    public LpSolution solveExact(Problem problem, Duration budget) {
        BatteryLp.Solver created = BatteryLp.createSolver(MIP_SOLVERS);
        MPSolver solver = created.solver();
        try {
            solver.setTimeLimit(Math.max(1, budget.toMillis()));
            return build(solver, created.id(), problem, true);
        } finally {
            solver.delete();
        }
    }

    /** Whether the relaxation can be loose because of simultaneous charge and discharge: a price below zero. */
    public static boolean relaxationMayBurn(Problem problem) {
        if (problem.batteries().isEmpty()) return false;
        for (int t = 0; t < problem.horizon().slotCount(); t++) {
            if (problem.prices().at(t) < 0) return true;
        }
        return false;
    }

    private static LpSolution build(MPSolver solver, String solverId, Problem problem, boolean exact) {
        int n = problem.horizon().slotCount();
        double h = problem.horizon().slotHours();
        MPObjective objective = solver.objective();
        objective.setMaximization();
        // net[asset][t] as (variable, coefficient) terms, for node limits and commitments
        Map<String, List<List<Term>>> netTerms = new HashMap<>();
        Map<String, BatteryLp.Variables> batteries = new HashMap<>();
        Map<String, MPVariable[]> single = new HashMap<>();
        Map<String, Double> singleSign = new HashMap<>();

        for (Battery b : problem.batteries()) {
            BatteryLp.Variables v = BatteryLp.add(solver, b, problem.horizon(), problem.prices());
            if (exact) {
                // charging[t] = 1: c[t] <= maxCharge, d[t] = 0; charging[t] = 0: c[t] = 0, d[t] <= maxDischarge.
                MPVariable[] charging = solver.makeBoolVarArray(n);
                for (int t = 0; t < n; t++) {
                    MPConstraint c = solver.makeConstraint(-MPSolver.infinity(), 0.0);
                    c.setCoefficient(v.charge()[t], 1.0);
                    c.setCoefficient(charging[t], -b.maxChargeMw());
                    MPConstraint d = solver.makeConstraint(-MPSolver.infinity(), b.maxDischargeMw());
                    d.setCoefficient(v.discharge()[t], 1.0);
                    d.setCoefficient(charging[t], b.maxDischargeMw());
                }
            }
            List<List<Term>> terms = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                terms.add(List.of(new Term(v.discharge()[t], 1.0), new Term(v.charge()[t], -1.0)));
            }
            batteries.put(b.id(), v);
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
                if (exact && gen.minMw() > 0) {
                    // on[t] = 1: min <= g[t] <= max; on[t] = 0: g[t] = 0.
                    MPVariable on = solver.makeBoolVar("");
                    MPConstraint low = solver.makeConstraint(0.0, MPSolver.infinity());
                    low.setCoefficient(g[t], 1.0);
                    low.setCoefficient(on, -gen.minMw());
                    MPConstraint high = solver.makeConstraint(-MPSolver.infinity(), 0.0);
                    high.setCoefficient(g[t], 1.0);
                    high.setCoefficient(on, -gen.maxMw());
                }
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
        boolean feasible = optimal || (exact && status == MPSolver.ResultStatus.FEASIBLE);
        Duration wall = Duration.ofMillis(solver.wallTime());
        if (!feasible) {
            // Infeasible, or no schedule found within the budget: the bound, if the solver proved one, still holds.
            double bound = exact && status == MPSolver.ResultStatus.NOT_SOLVED ? objective.bestBound() : Double.NaN;
            return new LpSolution(false, status.name(), solverId, Double.NaN,
                    Double.isFinite(bound) ? bound : Double.NaN, List.of(), wall);
        }
        List<AssetSchedule> assets = new ArrayList<>();
        for (Battery b : problem.batteries()) {
            List<Double> power = new ArrayList<>(n);
            List<Double> socs = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                power.add(batteries.get(b.id()).powerMw(t));
                socs.add(batteries.get(b.id()).socMwh(t));
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
        double bound = exact ? (optimal ? objective.value() : objective.bestBound()) : objective.value();
        return new LpSolution(optimal, status.name(), solverId, objective.value(), bound, assets, wall);
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
