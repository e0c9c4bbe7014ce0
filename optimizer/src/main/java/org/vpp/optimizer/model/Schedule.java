package org.vpp.optimizer.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The optimizer's plan with everything needed to trust it: the score (hard = Wh of violated limits, soft =
 * milli-EUR of value), its valuation, the gap to the LP optimum when computed, the explanation, and the
 * violations an independent check found, and notes (e.g. that the LP relaxation is already infeasible). {@code feasible} is false whenever any hard rule is broken; an
 * infeasible schedule is still returned (best effort), never hidden. {@code relaxedPlan} is the LP relaxation's own
 * plan per asset (continuous powers, the yardstick of the gap), empty when the LP was not solved or not optimal: a
 * caller that can implement continuous setpoints may check it and use it.
 */
public record Schedule(
        Horizon horizon,
        List<AssetSchedule> assets,
        long hardScoreWh,
        long softScoreMilliEur,
        Valuation valuation,
        Optional<OptimalityGap> gap,
        ScoreExplanation explanation,
        List<Violation> violations,
        boolean terminatedEarly,
        Duration solvingTime,
        List<String> notes,
        List<AssetSchedule> relaxedPlan) {

    public Schedule {
        assets = List.copyOf(assets);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
        relaxedPlan = List.copyOf(relaxedPlan);
    }

    public boolean feasible() {
        return hardScoreWh >= 0 && violations.isEmpty();
    }

    public Optional<AssetSchedule> asset(String id) {
        return assets.stream().filter(a -> a.assetId().equals(id)).findFirst();
    }

    /** Net power of the listed assets per slot (MW). */
    public double netPowerMw(java.util.Collection<String> assetIds, int slot) {
        return assets.stream().filter(a -> assetIds.contains(a.assetId())).mapToDouble(a -> a.powerMw().get(slot)).sum();
    }
}
