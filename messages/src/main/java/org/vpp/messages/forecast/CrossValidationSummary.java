package org.vpp.messages.forecast;

import java.util.Map;

/**
 * How a selection was validated: on how many rolling daily origins, how many of the last were held back to
 * choose, and the selected model's and the baseline's errors on those held-back folds (MAE in the series' unit).
 * This is the promise that the realised errors of {@link ForecastEvaluated} later keep or break.
 *
 * @param baselineModel      the better of the daily and weekly seasonal naive forecasts on the held-back folds
 * @param tuningGainPercent  the selected model's gain over the baseline as the tuning folds saw it: its excess over
 *                           the held-back gain is the optimism that searching many candidates buys; null when the
 *                           selected model had no tuning score (a combination built after tuning)
 */
public record CrossValidationSummary(int folds, int selectionFolds, double selectedMae, double selectedMase,
                                     String baselineModel, Map<String, String> baselineParameters, double baselineMae,
                                     double baselineMase, Double tuningGainPercent) {

    public CrossValidationSummary {
        baselineParameters = baselineParameters == null ? Map.of() : Map.copyOf(baselineParameters);
    }

    /** The selected model's gain over the baseline on the held-back folds, in percent of the baseline's MASE. */
    public double gainPercent() {
        return baselineMase == 0 ? 0 : 100 * (baselineMase - selectedMase) / baselineMase;
    }

    public boolean finite() {
        return Double.isFinite(selectedMae) && Double.isFinite(selectedMase) && Double.isFinite(baselineMae)
                && Double.isFinite(baselineMase) && (tuningGainPercent == null || Double.isFinite(tuningGainPercent));
    }
}
