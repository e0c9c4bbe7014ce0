package org.vpp.messages.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a forecast was issued. Its values are not in the command: they are stored under {@code forecastId}
 * in the forecast table before this is sent, which keeps the event log compact.
 *
 * @param origin the first instant the forecast covers (the end of the history it was made from)
 */
public record RecordForecastIssued(
        @TargetAggregateIdentifier ForecastSourceId sourceId,
        ForecastId forecastId,
        Instant issuedAt,
        Instant origin,
        Duration step,
        int horizonSteps,
        String model,
        Map<String, String> parameters) {
}
