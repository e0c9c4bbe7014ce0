package org.vpp.forecast.validation;

import java.util.ArrayList;
import java.util.List;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.value.Horizon;
import org.vpp.kernel.TimeSeries;

/**
 * Rolling-origin evaluation of one model. The only data a model ever receives is
 * {@code series.slice(0, fold.origin())}: the values it is scored on are read afterwards, here, and never
 * passed to it.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Scores {@code model} on every fold of {@code config}. */
    public static CandidateScore evaluate(ForecastModel model, TimeSeries series, Horizon horizon, CvConfig config) {
        return evaluate(model, series, config, RollingOrigin.folds(series.size(), horizon.steps(), config.folds()));
    }

    /** Scores {@code model} on the given folds only. */
    public static CandidateScore evaluate(ForecastModel model, TimeSeries series, CvConfig config, List<Fold> folds) {
        int seasonLength = config.maseSeason().length(series.step());
        List<FoldScore> scores = new ArrayList<>(folds.size());
        for (Fold fold : folds) {
            TimeSeries training = series.slice(0, fold.origin());
            double[] forecast = model.fit(training).predict(fold.horizon());
            double[] actual = series.slice(fold.origin(), fold.testEnd()).values();
            double[] residuals = new double[actual.length];
            for (int k = 0; k < actual.length; k++) {
                residuals[k] = actual[k] - forecast[k];
            }
            scores.add(new FoldScore(series.timeAt(fold.origin()), training.timeAt(training.size() - 1),
                    Scores.of(actual, forecast, training.values(), seasonLength), residuals));
        }
        return new CandidateScore(model, scores, Scores.meanOf(scores.stream().map(FoldScore::scores).toList()));
    }

    /** The shortest training set of all folds, which every candidate must be able to fit on. */
    public static int firstOrigin(TimeSeries series, Horizon horizon, CvConfig config) {
        return RollingOrigin.folds(series.size(), horizon.steps(), config.folds()).getFirst().origin();
    }
}
