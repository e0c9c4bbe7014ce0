package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One training run of a source as the experiment log shows it: the winner and every candidate's metrics. */
public record ModelSelectionView(ForecastSourceId sourceId, ForecastSourceKind kind, Instant trainedAt,
                                 int horizonSteps, Duration step, String metric, String model,
                                 Map<String, String> parameters, List<CandidateMetrics> candidates,
                                 List<SkippedModel> skipped, Instant historyStart, Instant historyEnd,
                                 CrossValidationSummary validation) {

    public ModelSelectionView {
        parameters = Map.copyOf(parameters);
        candidates = List.copyOf(candidates);
        skipped = List.copyOf(skipped);
    }
}
