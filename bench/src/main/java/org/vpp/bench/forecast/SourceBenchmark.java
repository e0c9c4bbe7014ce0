package org.vpp.bench.forecast;

import java.util.function.Function;
import org.vpp.forecast.Forecaster;
import org.vpp.forecast.TrainedModelSpec;
import org.vpp.forecast.TrainingResult;
import org.vpp.forecast.model.CandidateModels;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.model.Persistence;
import org.vpp.forecast.model.PhysicalBounds;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.Metrics;
import org.vpp.forecast.value.Forecast;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

/**
 * Trains on a window's training days, then forecasts each held-out day from all the data before it (the selected
 * model refitted, as the application does) and compares with seasonal naive by day and by week and with
 * persistence, on days the training never saw.
 */
public final class SourceBenchmark {

    private SourceBenchmark() {
    }

    public static SourceRun run(BenchmarkSource source, HeldOutWindow window, CvConfig config, boolean legacy) {
        TimeSeries series = source.series();
        int perDay = Season.DAILY.length(series.step());
        Horizon horizon = new Horizon(perDay);
        TimeSeries training = series.slice(window.trainStart(), window.heldOut());
        Forecaster forecaster = new Forecaster(System::nanoTime);

        long started = System.nanoTime();
        TrainingResult result = forecaster.train(source.source(), training, horizon, config);
        double trainingMs = (System.nanoTime() - started) / 1e6;
        LegacySelection.Outcome old = legacy
                ? LegacySelection.select(CandidateModels.forSource(source.source(), series.step(), horizon), training, horizon)
                : null;

        int days = window.heldOutDays(perDay);
        double selected = 0;
        double legacyError = 0;
        double[] baselines = new double[3];
        int inside = 0;
        int counted = 0;
        long inferenceNanos = 0;
        Function<ForecastModel, TrainedModelSpec> bounded = model -> new TrainedModelSpec(source.source(),
                PhysicalBounds.around(model, source.source()));
        TrainedModelSpec[] references = {bounded.apply(new SeasonalNaive(Season.DAILY)),
                bounded.apply(new SeasonalNaive(Season.WEEKLY)), bounded.apply(new Persistence())};
        for (int day = 0; day < days; day++) {
            int origin = window.heldOut() + day * perDay;
            TimeSeries history = series.slice(window.trainStart(), origin);
            double[] actual = series.slice(origin, origin + perDay).values();
            long before = System.nanoTime();
            Forecast forecast = Forecaster.forecast(result.selected(), history, horizon, history.end());
            inferenceNanos += System.nanoTime() - before;
            selected += Metrics.mae(actual, forecast.values());
            int[] counts = forecast.band().orElseThrow().coverageCounts(actual);
            inside += counts[0];
            counted += counts[1];
            for (int r = 0; r < references.length; r++) {
                baselines[r] += Metrics.mae(actual, Forecaster.forecast(references[r], history, horizon, history.end()).values());
            }
            if (old != null) {
                legacyError += Metrics.mae(actual, Forecaster.forecast(bounded.apply(old.model()), history, horizon,
                        history.end()).values());
            }
        }
        SourceRun.HeldOutErrors errors = new SourceRun.HeldOutErrors(selected / days, baselines[0] / days,
                baselines[1] / days, baselines[2] / days);
        return new SourceRun(source, window, result, trainingMs, inferenceNanos / 1e6 / days, days, errors,
                counted == 0 ? Double.NaN : (double) inside / counted,
                old == null ? null : new LegacySelection.Outcome(old.model(), old.cvGainPercent()),
                old == null ? Double.NaN : 100 * (baselines[0] - legacyError) / baselines[0]);
    }
}
