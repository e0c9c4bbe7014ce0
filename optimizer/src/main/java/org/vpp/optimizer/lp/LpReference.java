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

    private final List<String> solverIds;

    public LpReference() {
        this(DEFAULT_SOLVERS);
    }

    public LpReference(List<String> solverIds) {
        this.solverIds = List.copyOf(solverIds);
    }

    public LpSolution solve(Problem problem) {
        BatteryLp.Solver created = BatteryLp.createSolver(solverIds);
        MPSolver solver = created.solver();
        try {
            return build(solver, created.id(), problem);
        } finally {
            solver.delete();
        }
    }

    private static LpSolution build(MPSolver solver, String solverId, Problem problem) {
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
