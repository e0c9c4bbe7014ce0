package org.vpp.messages.forecast;

import java.time.Instant;

/** An issued forecast was scored against what happened: realised error beside the cross-validated promise. */
public record ForecastEvaluated(ForecastSourceId sourceId, ForecastId forecastId, Instant issuedAt,
                                Instant evaluatedAt, double realisedMae, int actualSteps, Double coverage,
                                Double cvMae) implements ForecastSourceEvent {
}
