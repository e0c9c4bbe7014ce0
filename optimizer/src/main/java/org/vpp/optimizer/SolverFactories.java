package org.vpp.optimizer;

import ai.timefold.solver.core.api.solver.SolverFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Solver factories are costly to build (constraint compilation); one per seed and problem shape is kept. */
final class SolverFactories {

    private final Map<String, SolverFactory<VppSolution>> cache = new ConcurrentHashMap<>();

    SolverFactory<VppSolution> get(long seed, boolean hasBatteries, boolean hasOutputs) {
        return get(seed, hasBatteries, hasOutputs, false);
    }

    SolverFactory<VppSolution> get(long seed, boolean hasBatteries, boolean hasOutputs, boolean hasBlocks) {
        return get(seed, hasBatteries, hasOutputs, hasBlocks, false);
    }

    SolverFactory<VppSolution> get(long seed, boolean hasBatteries, boolean hasOutputs, boolean hasBlocks,
                                   boolean hasBlockProducts) {
        return cache.computeIfAbsent(seed + "/" + hasBatteries + "/" + hasOutputs + "/" + hasBlocks + "/" + hasBlockProducts,
                key -> SolverFactory.create(SolverConfigs.solverConfig(seed, hasBatteries, hasOutputs, hasBlocks,
                        hasBlockProducts)));
    }
}
