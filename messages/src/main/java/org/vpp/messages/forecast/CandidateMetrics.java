package org.vpp.messages.forecast;

import java.util.Map;

/**
 * One candidate model's rolling-origin cross-validation result: the mean of each error measure over its folds.
 *
 * @param model      the model family, e.g. {@code holt-winters}
 * @param parameters its hyperparameters
 * @param window     {@value #TUNING} (every candidate, on the tuning folds) or {@value #SELECTION} (the finalists, on
 *                   the held-back folds that decided); null in events recorded before selection held folds back
 */
public record CandidateMetrics(String model, Map<String, String> parameters, double mae, double rmse, double mase,
                               int folds, String window) {

    public static final String TUNING = "TUNING";
    public static final String SELECTION = "SELECTION";

    /** Metrics from before selection held folds back: the window is not known. */
    public CandidateMetrics(String model, Map<String, String> parameters, double mae, double rmse, double mase,
                            int folds) {
        this(model, parameters, mae, rmse, mase, folds, null);
    }

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
