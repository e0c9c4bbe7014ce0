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
    private volatile List<SolveRun> partRuns = List.of();

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
        partRuns.forEach(SolveRun::cancel);
    }

    Schedule run() {
        List<Problem> parts = IndependentParts.of(problem, settings.parts());
        return parts.size() == 1 ? runWhole() : runInParts(parts);
    }

    /**
     * The parts solved side by side, {@code partThreads} at a time, each as a whole problem with its own LP, warm start,
     * search (seeded {@code randomSeed + index}) and LP bound, within its share of the time budget, then put together:
     * the score and the LP bound are the sums of the parts' (nothing couples them); the valuation, violations,
     * explanation and, where the relaxation may be loose, the exact bound are computed on the whole problem.
     */
    private Schedule runInParts(List<Problem> parts) {
        long startNanos = System.nanoTime();
        int k = parts.size();
        long[] hard = new long[k];
        long[] soft = new long[k];
        double[] lp = new double[k];
        boolean[] reported = new boolean[k];
        // The time budget is the whole solve's: parts solved in rounds of partThreads share it (the move limit is each
        // part's, so a move-limited solve stays the same on any number of threads).
        int rounds = (k + Math.min(settings.partThreads(), k) - 1) / Math.min(settings.partThreads(), k);
        List<SolveRun> runs = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int index = i;
            OptimizerSettings partSettings = settings.withRandomSeed(settings.randomSeed() + i).withParts(1, 1)
                    .withExplain(false).withTimeBudget(share(settings.timeBudget(), rounds),
                            share(settings.unimprovedTimeLimit(), rounds));
            runs.add(new SolveRun(parts.get(i), partSettings, lpReference.withoutExactBound(), factories, progress -> {
                synchronized (reported) {
                    hard[index] = progress.hardScoreWh();
                    soft[index] = progress.softScoreMilliEur();
                    lp[index] = progress.lpObjectiveEur();
                    reported[index] = true;
                    for (boolean r : reported) if (!r) return;
                    listener.accept(new Progress(elapsed(startNanos), java.util.Arrays.stream(hard).sum(),
                            java.util.Arrays.stream(soft).sum(), java.util.Arrays.stream(lp).sum()));
                }
            }));
        }
        partRuns = List.copyOf(runs);
        if (cancelled) runs.forEach(SolveRun::cancel);
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(settings.partThreads(), k), r -> {
                    Thread thread = new Thread(r, Thread.currentThread().getName() + "-part-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        List<Schedule> solved = new ArrayList<>(k);
        try {
            List<java.util.concurrent.Future<Schedule>> futures = runs.stream().map(r -> pool.submit(r::run)).toList();
            for (var future : futures) solved.add(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs.forEach(SolveRun::cancel);
            throw new IllegalStateException("interrupted while solving the parts", e);
        } catch (java.util.concurrent.ExecutionException e) {
            runs.forEach(SolveRun::cancel);
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }

        java.util.Map<String, AssetSchedule> byId = new java.util.HashMap<>();
        List<AssetSchedule> relaxed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("solved as " + k + " independent parts (nothing couples them), " + Math.min(settings.partThreads(), k)
                + " at a time");
        long hardWh = 0;
        long softMilliEur = 0;
        boolean terminatedEarly = cancelled;
        boolean everyPartBounded = true;
        double bound = 0;
        java.util.TreeSet<String> sources = new java.util.TreeSet<>();
        for (int i = 0; i < k; i++) {
            Schedule s = solved.get(i);
            s.assets().forEach(a -> byId.put(a.assetId(), a));
            relaxed.addAll(s.relaxedPlan());
            hardWh += s.hardScoreWh();
            softMilliEur += s.softScoreMilliEur();
            terminatedEarly |= s.terminatedEarly();
            for (String note : s.notes()) notes.add("part " + (i + 1) + ": " + note);
            if (s.gap().isPresent()) {
                bound += s.gap().get().boundEur();
                sources.add(s.gap().get().boundSource());
            } else {
                everyPartBounded = false;
            }
        }
        List<AssetSchedule> assets = problem.assetIds().stream().map(byId::get).toList();
        Valuation valuation = ScheduleCheck.valuation(problem, assets);
        Optional<OptimalityGap> gap = everyPartBounded
                ? Optional.of(new OptimalityGap(bound, valuation.objectiveEur(), sources.size() == 1
                        ? sources.first() : "sum of the parts' bounds (" + String.join(", ", sources) + ")"))
                : Optional.empty();
        boolean keepsEveryRule = hardWh == 0 && ScheduleCheck.violations(problem, assets).isEmpty();
        gap = gap.map(g -> tightened(g, keepsEveryRule, notes));
        ScoreExplanation explanation = settings.explain() ? ScheduleCheck.explain(problem, assets) : ScoreExplanation.none();
        return new Schedule(problem.horizon(), assets, hardWh, softMilliEur, valuation, gap, explanation,
                ScheduleCheck.violations(problem, assets), terminatedEarly, elapsed(startNanos), notes, relaxed);
    }

    private Schedule runWhole() {
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
        SolverFactory<VppSolution> factory = factories.get(settings.randomSeed(), hasBatteries, hasOutputs, hasBlocks,
                problem.blocks().active() && problem.batteries().size() > 1);
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
        boolean keepsEveryRule = score.hardScore() == 0 && ScheduleCheck.violations(problem, assets).isEmpty();
        gap = gap.map(g -> tightened(g, keepsEveryRule, notes));
        return new Schedule(problem.horizon(), assets, score.hardScore(), score.softScore(), valuation, gap,
                explanation, ScheduleCheck.violations(problem, assets), terminatedEarly, elapsed(startNanos), notes,
                lp.filter(LpSolution::optimal).map(LpSolution::assets).orElse(List.of()));
    }

    /** A budget shared by {@code rounds} rounds of parts (at least a millisecond; zero stays zero). */
    private static Duration share(Duration budget, int rounds) {
        return budget.isZero() ? budget : Duration.ofMillis(Math.max(1, budget.toMillis() / rounds));
    }

    /**
     * The gap against the exact program's bound where the relaxation may be loose and that bound is tighter; a bound
     * below a schedule that keeps every rule is no bound (the two models disagree somewhere) and is ignored.
     */
    private OptimalityGap tightened(OptimalityGap relaxed, boolean keepsEveryRule, List<String> notes) {
        Optional<LpSolution> exact = lpReference.exactBoundWhereNeeded(problem).filter(LpSolution::bounded);
        if (exact.isEmpty() || exact.get().boundEur() >= relaxed.boundEur()) return relaxed;
        LpSolution e = exact.get();
        if (keepsEveryRule && e.boundEur() < relaxed.objectiveEur() - 1e-6) {
            notes.add("the exact program's bound (" + e.boundEur() + " EUR) lies below this schedule's value ("
                    + relaxed.objectiveEur() + " EUR), which keeps every rule: ignored, the gap is measured against the"
                    + " LP relaxation");
            return relaxed;
        }
        OptimalityGap gap = new OptimalityGap(e.boundEur(), relaxed.objectiveEur(), "MIP " + e.solver() + " "
                + (e.optimal() ? "optimum" : "bound after " + e.wallTime().toMillis() + " ms"));
        notes.add("gap measured against the " + gap.boundSource() + " (" + Math.round(e.boundEur())
                + " EUR), tighter than the LP relaxation (" + Math.round(relaxed.boundEur()) + " EUR), which "
                + LpReference.whyRelaxationMayBeLoose(problem).orElse("is looser"));
        return gap;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
