package org.vpp.api.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vpp.optimizer.model.ScoreExplanation;
import org.vpp.optimizer.model.Valuation;

/**
 * A cycle's schedule as stored (once, referenced by hash from {@code SchedulePrepared}): the plan of every asset per
 * slot, what it is worth, its gap to the LP bound, the score explained per constraint and per asset, the
 * independent check's violations and the notes (aggregation, assets left out, a budget cut short).
 *
 * @param aggregatedUnits how many equivalent units the optimizer saw when the fleet was aggregated by site; 0 when not
 */
public record StoredSchedule(Instant start, Duration slotLength, List<AssetPlan> assets, Valuation valuation,
                             Double lpBoundEur, Double gapToBound, String score, ScoreExplanation explanation,
                             List<String> violations, List<String> notes, int aggregatedUnits, boolean feasible) {

    public StoredSchedule {
        assets = List.copyOf(assets);
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    /** @param socMwh state of charge at the end of each slot, batteries only (empty otherwise) */
    public record AssetPlan(String assetId, double[] powerMw, double[] socMwh) {
    }
}
