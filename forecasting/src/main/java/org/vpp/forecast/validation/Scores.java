package org.vpp.forecast.validation;

import java.util.List;

/** The three error measures of one forecast, or their means over folds. */
public record Scores(double mae, double rmse, double mase) {

    public static Scores of(double[] actual, double[] forecast, double[] training, int seasonLength) {
        return new Scores(Metrics.mae(actual, forecast), Metrics.rmse(actual, forecast),
                Metrics.mase(actual, forecast, training, seasonLength));
    }

    public static Scores meanOf(List<Scores> scores) {
        return new Scores(
                scores.stream().mapToDouble(Scores::mae).average().orElse(Double.NaN),
                scores.stream().mapToDouble(Scores::rmse).average().orElse(Double.NaN),
                scores.stream().mapToDouble(Scores::mase).average().orElse(Double.NaN));
    }
}
