package org.vpp.messages.forecast;

import java.util.Map;

/**
 * One candidate model's rolling-origin cross-validation result: the mean of each error measure over its folds.
 *
 * @param model      the model family, e.g. {@code holt-winters}
 * @param parameters its hyperparameters
 */
public record CandidateMetrics(String model, Map<String, String> parameters, double mae, double rmse, double mase,
                               int folds) {

    public CandidateMetrics {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean finite() {
        return Double.isFinite(mae) && Double.isFinite(rmse) && Double.isFinite(mase);
    }

    public boolean sameModelAs(String otherModel, Map<String, String> otherParameters) {
        return model.equals(otherModel) && parameters.equals(otherParameters);
    }
}
