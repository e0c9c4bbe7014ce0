package org.vpp.command.forecast;

import java.time.Instant;
import java.util.Map;

import org.vpp.messages.forecast.ForecastEvaluated;
import org.vpp.messages.forecast.ForecastIssued;
import org.vpp.messages.forecast.ForecastModelSelected;
import org.vpp.messages.forecast.ForecastSourceEvent;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.ForecastSourceKind;

/**
 * What the ForecastSource aggregate remembers, as an immutable value; {@link #evolve} only assigns.
 *
 * @param lastIssuedAt          null until a first forecast is issued
 * @param lastEvaluatedIssuedAt the issue instant of the last forecast evaluated; null before the first evaluation
 */
public record ForecastSourceState(ForecastSourceId id, ForecastSourceKind kind, Instant lastTrainedAt,
                                  int trainedHorizonSteps, String model, Map<String, String> parameters,
                                  Instant lastIssuedAt, Instant lastEvaluatedIssuedAt) {

    public static ForecastSourceState selected(ForecastModelSelected e) {
        return new ForecastSourceState(e.sourceId(), e.kind(), e.trainedAt(), e.horizonSteps(), e.model(),
                e.parameters(), null, null);
    }

    public ForecastSourceState evolve(ForecastSourceEvent event) {
        return switch (event) {
            case ForecastModelSelected e -> new ForecastSourceState(id, kind, e.trainedAt(), e.horizonSteps(),
                    e.model(), e.parameters(), lastIssuedAt, lastEvaluatedIssuedAt);
            case ForecastIssued e -> new ForecastSourceState(id, kind, lastTrainedAt, trainedHorizonSteps, model,
                    parameters, e.issuedAt(), lastEvaluatedIssuedAt);
            case ForecastEvaluated e -> new ForecastSourceState(id, kind, lastTrainedAt, trainedHorizonSteps, model,
                    parameters, lastIssuedAt, e.issuedAt());
        };
    }
}
