package org.vpp.optimizer;

import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Solver configuration. No construction heuristic: every solve starts from a complete schedule (LP warm start
 * or idle). Moves: change one battery level (shifts energy between two neighbouring slots), change an
 * output option, swap the options of two outputs (keeps a flexible load's energy).
 */
final class SolverConfigs {

    private SolverConfigs() {
    }

    static SolverConfig solverConfig(long randomSeed, boolean hasBatteries, boolean hasOutputs) {
        List<MoveSelectorConfig> moves = new ArrayList<>();
        if (hasBatteries) {
            moves.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(BatteryLevel.class)));
        }
        if (hasOutputs) {
            moves.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(OutputLevel.class)));
            moves.add(new SwapMoveSelectorConfig()
                    .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(OutputLevel.class)));
        }
        MoveSelectorConfig moveSelector = moves.size() == 1 ? moves.getFirst() : new UnionMoveSelectorConfig(moves);
        return new SolverConfig()
                .withSolutionClass(VppSolution.class)
                .withEntityClasses(BatteryLevel.class, OutputLevel.class)
                .withConstraintProviderClass(VppConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(randomSeed)
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(moveSelector))
                .withTerminationConfig(new TerminationConfig().withSecondsSpentLimit(30L));
    }

    /** Time budget, unimproved-time stop, optional move limit, optional best-score limit (the gap target). */
    static TerminationConfig termination(OptimizerSettings settings, java.util.Optional<String> bestScoreLimit) {
        TerminationConfig config = new TerminationConfig().withSpentLimit(settings.timeBudget());
        if (!settings.unimprovedTimeLimit().isZero()) {
            config.withUnimprovedSpentLimit(settings.unimprovedTimeLimit());
        }
        if (settings.moveLimit() > 0) {
            config.withMoveCountLimit(settings.moveLimit());
        }
        bestScoreLimit.ifPresent(config::withBestScoreLimit);
        return config;
    }
}
