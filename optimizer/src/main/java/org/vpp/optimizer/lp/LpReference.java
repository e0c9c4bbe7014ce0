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
import org.vpp.optimizer.model.EvSession;
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

    /** The same solvers without the exact program (its bound is then asked for once, on the whole problem). */
    public LpReference withoutExactBound() {
        return new LpReference(solverIds, Duration.ZERO);
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
        if (exactBudget.isZero() || whyRelaxationMayBeLoose(problem).isEmpty()) return java.util.Optional.empty();
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
     * discharge but not both (at negative prices the relaxation would do both to burn energy through its losses); per
     * generator and slot a binary commitment between its minimum stable output and its maximum, with binary starts and
     * stops for its start-up cost and its minimum up and down times; per EV session and slot a binary choice of one
     * charger step. Within {@code budget} it answers the best schedule found and a proven bound on the optimum.
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

    /**
     * Why the relaxation may be loose, if it may: batteries at a negative price (they would charge and discharge at
     * once), generators with unit-commitment rules (a fractional commitment, start or stop), EV sessions (fractional
     * charger steps). Empty when the relaxation's optimum is as good a bound as the exact program's.
     */
    public static java.util.Optional<String> whyRelaxationMayBeLoose(Problem problem) {
        List<String> reasons = new ArrayList<>();
        if (!problem.batteries().isEmpty()) {
            for (int t = 0; t < problem.horizon().slotCount(); t++) {
                if (problem.prices().at(t) < 0) {
                    reasons.add("charges and discharges at once at negative prices");
                    break;
                }
            }
        }
        if (problem.generators().stream().anyMatch(g -> g.minUpSlots() > 1 || g.minDownSlots() > 1
                || g.startUpCostEur() > 0)) {
            reasons.add("commits generators fractionally");
        }
        if (!problem.evSessions().isEmpty()) {
            reasons.add("charges EVs between their charger's steps");
        }
        return reasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", reasons));
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
            }
            if (gen.hasCommitmentRules() || (exact && gen.minMw() > 0)) {
                addCommitment(solver, objective, gen, g, problem.horizon().slotMinutes(), exact);
            }
            putSingle(gen.id(), g, 1.0, single, singleSign, netTerms);
        }
        Map<String, MPVariable[][]> evSteps = new HashMap<>();
        for (EvSession e : problem.evSessions()) {
            MPVariable[][] x = new MPVariable[n][];
            List<List<Term>> terms = new ArrayList<>(n);
            MPConstraint cap = solver.makeConstraint(-MPSolver.infinity(), e.maxEnergyMwh());
            // shortfall + delivered >= need, shortfall >= 0, each MWh of shortfall at its price
            MPVariable shortfall = solver.makeNumVar(0.0, e.energyNeededMwh(), "");
            objective.setCoefficient(shortfall, -e.shortfallEurPerMwh());
            MPConstraint need = solver.makeConstraint(e.energyNeededMwh(), MPSolver.infinity());
            need.setCoefficient(shortfall, 1.0);
            for (int t = 0; t < n; t++) {
                if (!e.plugged(t)) {
                    x[t] = new MPVariable[0];
                    terms.add(List.of());
                    continue;
                }
                x[t] = new MPVariable[e.powerStepsMw().size()];
                MPConstraint oneStep = solver.makeConstraint(-MPSolver.infinity(), 1.0);
                List<Term> slotTerms = new ArrayList<>();
                for (int k = 0; k < x[t].length; k++) {
                    double step = e.powerStepsMw().get(k);
                    x[t][k] = exact ? solver.makeBoolVar("") : solver.makeNumVar(0.0, 1.0, "");
                    oneStep.setCoefficient(x[t][k], 1.0);
                    objective.setCoefficient(x[t][k], -problem.prices().at(t) * h * step);
                    cap.setCoefficient(x[t][k], step * h);
                    need.setCoefficient(x[t][k], step * h);
                    slotTerms.add(new Term(x[t][k], -step));
                }
                terms.add(slotTerms);
            }
            evSteps.put(e.id(), x);
            netTerms.put(e.id(), terms);
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

        if (problem.blocks().active()) {
            // per block: low <= fleet net in each of its slots <= high, high - low <= tolerance
            int size = problem.blocks().slots();
            for (int start = 0; start < n; start += size) {
                MPVariable low = solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "");
                MPVariable high = solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "");
                MPConstraint width = solver.makeConstraint(-MPSolver.infinity(), problem.blocks().toleranceMw());
                width.setCoefficient(high, 1.0);
                width.setCoefficient(low, -1.0);
                for (int t = start; t < Math.min(n, start + size); t++) {
                    MPConstraint above = solver.makeConstraint(0.0, MPSolver.infinity());
                    addNet(above, netTerms.keySet(), t, netTerms);
                    above.setCoefficient(low, -1.0);
                    MPConstraint below = solver.makeConstraint(-MPSolver.infinity(), 0.0);
                    addNet(below, netTerms.keySet(), t, netTerms);
                    below.setCoefficient(high, -1.0);
                }
            }
        }

        MPSolver.ResultStatus status = solver.solve();
        boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
        boolean feasible = optimal || (exact && status == MPSolver.ResultStatus.FEASIBLE);
        Duration wall = Duration.ofMillis(solver.wallTime());
        if (!feasible) {
            // Infeasible, or no schedule found within the budget. A solver stopped before its first schedule reports no
            // usable bound either: SCIP answered 0 EUR for a 10,000-asset fleet worth a million after 64 s (measured).
            return new LpSolution(false, status.name(), solverId, Double.NaN, Double.NaN, List.of(), wall);
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
        for (EvSession e : problem.evSessions()) {
            MPVariable[][] x = evSteps.get(e.id());
            List<Double> power = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                double p = 0;
                for (int k = 0; k < x[t].length; k++) {
                    p -= e.powerStepsMw().get(k) * x[t][k].solutionValue();
                }
                power.add(p);
            }
            assets.add(new AssetSchedule(e.id(), power, List.of()));
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
        // A solver stopped before its first bound reports an infinite one (of either sign): no bound is known then.
        double bound = exact ? (optimal ? objective.value() : objective.bestBound()) : objective.value();
        if (!Double.isFinite(bound)) bound = Double.NaN;
        return new LpSolution(optimal, status.name(), solverId, objective.value(), bound, assets, wall);
    }

    /**
     * A generator's commitment: on[t] with min * on <= g <= max * on, start[t] - stop[t] = on[t] - on[t-1] (the state
     * before slot 0 a constant), a start-up cost per start, the ramp and start/stop limits, and the minimum up and down
     * times (a start in the last {@code minUp} slots needs the unit on; a stop in the last {@code minDown} needs it off).
     * Binary in the exact program, in [0, 1] in the relaxation.
     */
    private static void addCommitment(MPSolver solver, MPObjective objective, Generator gen, MPVariable[] g,
                                      double slotMinutes, boolean exact) {
        int n = g.length;
        MPVariable[] on = new MPVariable[n];
        MPVariable[] start = new MPVariable[n];
        MPVariable[] stop = new MPVariable[n];
        double before = gen.initiallyOn() ? 1.0 : 0.0;
        int held = gen.initiallyHeldSlots();
        for (int t = 0; t < n; t++) {
            on[t] = exact ? solver.makeBoolVar("") : solver.makeNumVar(0.0, 1.0, "");
            start[t] = exact ? solver.makeBoolVar("") : solver.makeNumVar(0.0, 1.0, "");
            stop[t] = exact ? solver.makeBoolVar("") : solver.makeNumVar(0.0, 1.0, "");
            if (t < held) {
                on[t].setBounds(before, before);
            }
            MPConstraint low = solver.makeConstraint(0.0, MPSolver.infinity());
            low.setCoefficient(g[t], 1.0);
            low.setCoefficient(on[t], -gen.minMw());
            MPConstraint high = solver.makeConstraint(-MPSolver.infinity(), 0.0);
            high.setCoefficient(g[t], 1.0);
            high.setCoefficient(on[t], -gen.maxMw());
            // on[t] - on[t-1] - start[t] + stop[t] = 0, with on[-1] the state before the horizon moved to the right
            double constant = t == 0 ? before : 0.0;
            MPConstraint transition = solver.makeConstraint(constant, constant);
            transition.setCoefficient(on[t], 1.0);
            if (t > 0) transition.setCoefficient(on[t - 1], -1.0);
            transition.setCoefficient(start[t], -1.0);
            transition.setCoefficient(stop[t], 1.0);
            MPConstraint either = solver.makeConstraint(-MPSolver.infinity(), 1.0);
            either.setCoefficient(start[t], 1.0);
            either.setCoefficient(stop[t], 1.0);
            objective.setCoefficient(start[t], -gen.startUpCostEur());
        }
        double ramp = gen.rampPerSlotMw(slotMinutes);
        double startStop = gen.startStopLimitMw(slotMinutes);
        if (ramp < gen.maxMw()) {
            for (int t = 0; t < n; t++) {
                // up: g[t] - g[t-1] <= ramp * on[t-1] + startStop * (1 - on[t-1])
                // down: g[t-1] - g[t] <= ramp * on[t] + startStop * (1 - on[t])
                MPConstraint up;
                MPConstraint down = solver.makeConstraint(-MPSolver.infinity(), startStop - (t == 0 ? gen.initialMw() : 0));
                if (t == 0) {
                    up = solver.makeConstraint(-MPSolver.infinity(), gen.initialMw() + (gen.initiallyOn() ? ramp : startStop));
                } else {
                    up = solver.makeConstraint(-MPSolver.infinity(), startStop);
                    up.setCoefficient(g[t - 1], -1.0);
                    up.setCoefficient(on[t - 1], startStop - ramp);
                    down.setCoefficient(g[t - 1], 1.0);
                }
                up.setCoefficient(g[t], 1.0);
                down.setCoefficient(g[t], -1.0);
                down.setCoefficient(on[t], startStop - ramp);
            }
        }
        for (int t = 0; t < n; t++) {
            if (gen.minUpSlots() > 1) {
                MPConstraint up = solver.makeConstraint(-MPSolver.infinity(), 0.0);
                for (int s = Math.max(0, t - gen.minUpSlots() + 1); s <= t; s++) up.setCoefficient(start[s], 1.0);
                up.setCoefficient(on[t], -1.0);
            }
            if (gen.minDownSlots() > 1) {
                MPConstraint down = solver.makeConstraint(-MPSolver.infinity(), 1.0);
                for (int s = Math.max(0, t - gen.minDownSlots() + 1); s <= t; s++) down.setCoefficient(stop[s], 1.0);
                down.setCoefficient(on[t], 1.0);
            }
        }
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
