package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An issued forecast with its values and the model that made it.
 *
 * @param realisedMae mean absolute error over the slots whose actuals are known; null when none is
 * @param actualSlots how many slots have actuals
 * @param coverage    the share of known actuals inside P10-P90 (uncertain slots only); null without band or actuals
 * @param cvMae       what cross-validation promised for this model's MAE; null if not recorded
 */
public record ForecastView(ForecastId forecastId, ForecastSourceId sourceId, ForecastSourceKind kind, Instant issuedAt,
                           Instant origin, Duration step, int horizonSteps, String model,
                           Map<String, String> parameters, List<ForecastSlot> values, Double realisedMae,
                           int actualSlots, Double coverage, Double cvMae) {

    public ForecastView {
        parameters = Map.copyOf(parameters);
        values = List.copyOf(values);
    }
}
