package org.vpp.optimizer;

import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.pillar.PillarSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SubPillarType;
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
 * output option, swap the options of two outputs (keeps a flexible load's energy); with committed generators also
 * block moves over runs of one output and {@link CommitmentMoves}; with block products {@link PairedLevelMoves}.
 */
final class SolverConfigs {

    private SolverConfigs() {
    }

    static SolverConfig solverConfig(long randomSeed, boolean hasBatteries, boolean hasOutputs) {
        return solverConfig(randomSeed, hasBatteries, hasOutputs, false);
    }

    /** The longest block a block move changes at once (6 hours of quarter-hours). */
    static final int MAX_BLOCK_SLOTS = 24;

    /**
     * @param hasBlocks add block moves: a run of neighbouring slots of one output at the same option changed to another
     *                  option at once. A generator's minimum up and down times make a single slot's change a breach; a
     *                  block can switch it on or off, or change the level of a whole run, without one.
     */
    static SolverConfig solverConfig(long randomSeed, boolean hasBatteries, boolean hasOutputs, boolean hasBlocks) {
        return solverConfig(randomSeed, hasBatteries, hasOutputs, hasBlocks, false);
    }

    /** @param hasBlockProducts add {@link PairedLevelMoves}: the market trades blocks, the fleet's net must stay put */
    static SolverConfig solverConfig(long randomSeed, boolean hasBatteries, boolean hasOutputs, boolean hasBlocks,
                                     boolean hasBlockProducts) {
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
        if (hasBatteries && hasBlockProducts) {
            moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(PairedLevelMoves.class));
        }
        if (hasOutputs && hasBlocks) {
            moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(CommitmentMoves.class));
            moves.add(new PillarChangeMoveSelectorConfig()
                    .withSubPillarType(SubPillarType.SEQUENCE)
                    .withSubPillarSequenceComparatorClass(OutputLevel.BySlot.class)
                    .withPillarSelectorConfig(new PillarSelectorConfig()
                            .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(OutputLevel.class))
                            .withMinimumSubPillarSize(2)
                            .withMaximumSubPillarSize(MAX_BLOCK_SLOTS)));
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
