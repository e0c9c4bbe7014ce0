package org.vpp.optimizer;

import java.time.Duration;
import java.util.Optional;

/**
 * How hard and how reproducibly to optimize.
 *
 * @param timeBudget             hard cap on Timefold's local search
 * @param unimprovedTimeLimit    stop early when the best score has not improved for this long
 * @param moveLimit              stop after this many evaluated moves (0 = no limit); with a move limit and no
 *                               time-based stop reached first, a solve is fully reproducible. A move limit, not a
 *                               step limit: a step lasts until a move is accepted, which near a local optimum may be
 *                               never, so only the clock would end it
 * @param gapTarget              stop as soon as the gap to the LP optimum is at most this (needs the LP)
 * @param randomSeed             Timefold's random seed
 * @param solverThreads          how many problems the {@link SolvingService} solves at once
 * @param warmStartFromLp        solve the LP first and start from its solution rounded to the levels
 * @param levelsPerFullPowerSlot state-of-charge levels per slot of full-power charging (grid resolution)
 * @param maxLevelsPerBattery    cap on the number of levels of one battery (coarser grid for huge ones)
 * @param optionsPerOutput       power options per slot of renewables, generators and flexible loads
 * @param explain                attach a per-rule and per-asset score analysis to each schedule
 * @param parts                  cut each problem into at most this many parts that nothing couples (no grid node, no
 *                               commitment joins them) and solve each on its own; 1 = never cut. The cut and each
 *                               part's seed ({@code randomSeed + index}) do not depend on {@code partThreads}, so with a
 *                               move limit the schedule is the same on any number of threads
 * @param partThreads            how many parts one solve works on at once (Timefold Community solves on one thread)
 */
public record OptimizerSettings(
        Duration timeBudget,
        Duration unimprovedTimeLimit,
        long moveLimit,
        Optional<Double> gapTarget,
        long randomSeed,
        int solverThreads,
        boolean warmStartFromLp,
        int levelsPerFullPowerSlot,
        int maxLevelsPerBattery,
        int optionsPerOutput,
        boolean explain,
        int parts,
        int partThreads) {

    public OptimizerSettings {
        if (timeBudget.isNegative() || timeBudget.isZero() || unimprovedTimeLimit.isNegative()) {
            throw new IllegalArgumentException("time budget must be positive");
        }
        if (solverThreads < 1 || levelsPerFullPowerSlot < 1 || maxLevelsPerBattery < 2 || optionsPerOutput < 1
                || parts < 1 || partThreads < 1) {
            throw new IllegalArgumentException("threads, levels and options must be positive");
        }
    }

    /** 30 s budget, stop after 5 s without improvement or at a 0.5% gap, one solver thread, LP warm start. */
    public static OptimizerSettings defaults() {
        return new OptimizerSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 0, Optional.of(0.005), 0L, 1,
                true, 8, 400, 10, true, 1, 1);
    }

    public OptimizerSettings withTimeBudget(Duration budget, Duration unimproved) {
        return new OptimizerSettings(budget, unimproved, moveLimit, gapTarget, randomSeed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withMoveLimit(long moves) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moves, gapTarget, randomSeed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withGapTarget(Optional<Double> target) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, target, randomSeed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withRandomSeed(long seed) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, seed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withSolverThreads(int threads) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, randomSeed, threads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withWarmStartFromLp(boolean warmStart) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, randomSeed, solverThreads,
                warmStart, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withLevelsPerFullPowerSlot(int levels) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, randomSeed, solverThreads,
                warmStartFromLp, levels, maxLevelsPerBattery, optionsPerOutput, explain, parts, partThreads);
    }

    public OptimizerSettings withExplain(boolean explainScore) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, randomSeed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explainScore, parts, partThreads);
    }

    /** Cut each problem into at most {@code maxParts} independent parts, solved {@code threads} at a time. */
    public OptimizerSettings withParts(int maxParts, int threads) {
        return new OptimizerSettings(timeBudget, unimprovedTimeLimit, moveLimit, gapTarget, randomSeed, solverThreads,
                warmStartFromLp, levelsPerFullPowerSlot, maxLevelsPerBattery, optionsPerOutput, explain, maxParts, threads);
    }
}
