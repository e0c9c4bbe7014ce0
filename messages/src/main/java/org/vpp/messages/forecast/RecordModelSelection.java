package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the outcome of one training run for a source: every candidate's cross-validation metrics and the model
 * selected. The first selection creates the source.
 *
 * @param trainedAt    clock time of the training run
 * @param horizonSteps the horizon the candidates were validated on; forecasts may not reach further
 * @param metric       the measure that picked the winner (MAE, RMSE or MASE)
 * @param historyStart first instant of the history trained on
 * @param historyEnd   the instant right after its last value
 * @param validation   the selected model's and the baseline's errors on the held-back folds
 * @param quantiles    the selected model's residual quantiles, for P10/P50/P90
 */
public record RecordModelSelection(
        @TargetAggregateIdentifier ForecastSourceId sourceId,
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
        QuantileOffsets quantiles) {
}
