package org.vpp.forecast.validation;

import java.util.List;

/** Every scored candidate with its per-fold and mean scores, those skipped and why, and the winner. */
public record SelectionResult(Metric metric, CandidateScore best, List<CandidateScore> scored,
                              List<SkippedCandidate> skipped) {

    public SelectionResult {
        scored = List.copyOf(scored);
        skipped = List.copyOf(skipped);
    }
}
