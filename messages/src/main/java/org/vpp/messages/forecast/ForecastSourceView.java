package org.vpp.messages.forecast;

import java.time.Instant;
import java.util.Map;

/**
 * A forecast source as the read model knows it: the model currently selected and when it last trained and issued.
 *
 * @param lastIssuedAt null until a first forecast is issued
 */
public record ForecastSourceView(ForecastSourceId sourceId, ForecastSourceKind kind, String model,
                                 Map<String, String> parameters, int horizonSteps, Instant lastTrainedAt,
                                 Instant lastIssuedAt, int selections, int forecasts) {

    public ForecastSourceView {
        parameters = Map.copyOf(parameters);
    }
}
