package org.vpp.messages.forecast;

import java.time.Instant;
import java.util.Map;

/**
 * A forecast source as the read model knows it: the model currently selected and when it last trained and issued.
 *
 * @param lastIssuedAt     null until a first forecast is issued
 * @param cvMae            the current model's MAE on the held-back folds; null if not recorded
 * @param realisedMae      the mean realised MAE of the last evaluated forecasts; null before the first evaluation
 * @param realisedCoverage their mean P10-P90 coverage; null without
 * @param evaluations      how many forecasts were evaluated
 * @param quantiles        the current model's residual quantiles; null if not recorded
 */
public record ForecastSourceView(ForecastSourceId sourceId, ForecastSourceKind kind, String model,
                                 Map<String, String> parameters, int horizonSteps, Instant lastTrainedAt,
                                 Instant lastIssuedAt, int selections, int forecasts, Double cvMae,
                                 Double realisedMae, Double realisedCoverage, int evaluations,
                                 QuantileOffsets quantiles) {

    public ForecastSourceView {
        parameters = Map.copyOf(parameters);
    }
}
