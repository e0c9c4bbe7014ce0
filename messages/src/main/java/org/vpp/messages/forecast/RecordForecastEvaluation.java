package org.vpp.messages.forecast;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how an issued forecast turned out, once its horizon has passed: its realised error beside the error
 * cross-validation promised for its model.
 *
 * @param issuedAt     when the evaluated forecast was issued; evaluations are recorded in issue order
 * @param realisedMae  mean absolute error over the steps with actuals
 * @param actualSteps  how many steps had actuals
 * @param coverage     the share of actuals inside P10-P90 over the uncertain steps; null without a band
 * @param cvMae        the selected model's MAE on the held-back folds when it was selected; null if not recorded
 */
public record RecordForecastEvaluation(@TargetAggregateIdentifier ForecastSourceId sourceId, ForecastId forecastId,
                                       Instant issuedAt, Instant evaluatedAt, double realisedMae, int actualSteps,
                                       Double coverage, Double cvMae) {
}
