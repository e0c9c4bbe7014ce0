package org.vpp.messages.forecast;

import java.time.Instant;

/** One evaluated forecast as the read model keeps it. */
public record ForecastEvaluationView(ForecastId forecastId, Instant issuedAt, Instant evaluatedAt, String model,
                                     double realisedMae, int actualSteps, Double coverage, Double cvMae) {
}
