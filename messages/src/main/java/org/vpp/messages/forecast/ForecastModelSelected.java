package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A training run chose a model for a source; with its candidates' metrics, this is the experiment log.
 * {@code validation} and {@code quantiles} are null in events recorded before selection held folds back.
 */
public record ForecastModelSelected(
        ForecastSourceId sourceId,
        ForecastSourceKind kind,
        Instant trainedAt,
        int horizonSteps,
        Duration step,
        String metric,
        String model,
        Map<String, String> parameters,
        List<CandidateMetrics> candidates,
        List<SkippedModel> skipped,
        Instant historyStart,
        Instant historyEnd,
        CrossValidationSummary validation,
        QuantileOffsets quantiles) implements ForecastSourceEvent {

    public ForecastModelSelected {
        parameters = Map.copyOf(parameters);
        candidates = List.copyOf(candidates);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
