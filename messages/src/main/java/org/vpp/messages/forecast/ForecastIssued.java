package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A forecast was issued for a source; its values live in the forecast table under {@code forecastId}. */
public record ForecastIssued(
        ForecastSourceId sourceId,
        ForecastId forecastId,
        ForecastSourceKind kind,
        Instant issuedAt,
        Instant origin,
        Duration step,
        int horizonSteps,
        String model,
        Map<String, String> parameters) implements ForecastSourceEvent {

    public ForecastIssued {
        parameters = Map.copyOf(parameters);
    }
}
