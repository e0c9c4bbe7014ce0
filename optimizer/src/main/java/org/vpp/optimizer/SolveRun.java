package org.vpp.optimizer;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.OptimalityGap;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;
import org.vpp.optimizer.model.ScoreExplanation;
import org.vpp.optimizer.model.Valuation;

/** One solve of one problem: LP (optional), warm start, local search, read-back. Cancellable from any thread. */
final class SolveRun {

    private final Problem problem;
    private final OptimizerSettings settings;
    private final LpReference lpReference;
    private final SolverFactories factories;
    private final Consumer<Progress> listener;
    private volatile boolean cancelled;
    private volatile Solver<VppSolution> solver;

    SolveRun(Problem problem, OptimizerSettings settings, LpReference lpReference, SolverFactories factories,
             Consumer<Progress> listener) {
        this.problem = problem;
        this.settings = settings;
        this.lpReference = lpReference;
        this.factories = factories;
        this.listener = listener;
    }

    void cancel() {
        cancelled = true;
        Solver<VppSolution> running = solver;
        if (running != null) {
            running.terminateEarly();
        }
    }

    Schedule run() {
        long startNanos = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Optional<LpSolution> lp = Optional.empty();
        if (settings.warmStartFromLp() || settings.gapTarget().isPresent()) {
            LpSolution solution = lpReference.solve(problem);
            lp = Optional.of(solution);
            if (!solution.optimal()) {
                notes.add("LP relaxation " + solution.status() + ": no schedule meets every hard limit; best effort below");
            }
        }
        double lpObjective = lp.filter(LpSolution::optimal).map(LpSolution::objectiveEur).orElse(Double.NaN);
        VppSolution working = ModelBuilder.build(problem, settings.warmStartFromLp() ? lp : Optional.empty(), settings);
        boolean hasBatteries = !problem.batteries().isEmpty();
        boolean hasOutputs = working.outputLevels.size() > 0;
        // Block moves where a slot's choice is tied to its neighbours': generators with unit commitment.
        boolean hasBlocks = problem.generators().stream().anyMatch(g -> g.hasCommitmentRules());
        SolverFactory<VppSolution> factory = factories.get(settings.randomSeed(), hasBatteries, hasOutputs, hasBlocks);
        SolutionManager<VppSolution, HardSoftScore> solutionManager = SolutionManager.create(factory);
        HardSoftScore initialScore = solutionManager.update(working);
        listener.accept(new Progress(elapsed(startNanos), initialScore.hardScore(), initialScore.softScore(), lpObjective));

        Optional<String> bestScoreLimit = settings.gapTarget()
                .filter(gap -> lpObjective > 1e-9)
                .map(gap -> "0hard/" + Units.milliEur(lpObjective * (1 - gap)) + "soft");
        Solver<VppSolution> built = factory.buildSolver(
                new SolverConfigOverride().withTerminationConfig(SolverConfigs.termination(settings, bestScoreLimit)));
        built.addEventListener(event -> {
            HardSoftScore score = (HardSoftScore) event.getNewBestScore();
            listener.accept(new Progress(elapsed(startNanos), score.hardScore(), score.softScore(), lpObjective));
        });
        solver = built;
        VppSolution best = cancelled ? working : built.solve(working);
        boolean terminatedEarly = cancelled;

        List<AssetSchedule> assets = ScheduleReader.assets(best, problem.assetIds());
        HardSoftScore score = solutionManager.update(best);
        ScoreExplanation explanation = settings.explain()
                ? ScheduleCheck.explain(problem, assets) : ScoreExplanation.none();
        Valuation valuation = ScheduleCheck.valuation(problem, assets);
        // The gap is measured against the tightest valid bound: the relaxation may charge and discharge a battery at once
        // at negative prices, commit a generator by halves or charge an EV between two charger steps (which no schedule
        // here can), so there the exact program's bound is used when tighter.
        Optional<OptimalityGap> gap = Double.isNaN(lpObjective)
                ? Optional.empty() : Optional.of(new OptimalityGap(lpObjective, valuation.objectiveEur()));
        if (gap.isPresent()) {
            Optional<LpSolution> exact = lpReference.exactBoundWhereNeeded(problem);
            boolean keepsEveryRule = score.hardScore() == 0 && ScheduleCheck.violations(problem, assets).isEmpty();
            if (exact.isPresent() && exact.get().bounded() && keepsEveryRule
                    && exact.get().boundEur() < valuation.objectiveEur() - 1e-6) {
                // A bound below a schedule that keeps every rule is no bound: the two models disagree somewhere.
                notes.add("the exact program's bound (" + exact.get().boundEur() + " EUR) lies below this schedule's"
                        + " value (" + valuation.objectiveEur() + " EUR), which keeps every rule: ignored, the gap is"
                        + " measured against the LP relaxation");
            } else if (exact.isPresent() && exact.get().bounded() && exact.get().boundEur() < lpObjective) {
                LpSolution e = exact.get();
                gap = Optional.of(new OptimalityGap(e.boundEur(), valuation.objectiveEur(), "MIP " + e.solver() + " "
                        + (e.optimal() ? "optimum" : "bound after " + e.wallTime().toMillis() + " ms")));
                notes.add("gap measured against the " + gap.get().boundSource() + " (" + Math.round(e.boundEur())
                        + " EUR), tighter than the LP relaxation (" + Math.round(lpObjective) + " EUR), which "
                        + LpReference.whyRelaxationMayBeLoose(problem).orElse("is looser"));
            }
        }
        return new Schedule(problem.horizon(), assets, score.hardScore(), score.softScore(), valuation, gap,
                explanation, ScheduleCheck.violations(problem, assets), terminatedEarly, elapsed(startNanos), notes,
                lp.filter(LpSolution::optimal).map(LpSolution::assets).orElse(List.of()));
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
