package org.vpp.bench.forecast;

import org.vpp.forecast.Forecaster;
import org.vpp.forecast.TrainedModelSpec;
import org.vpp.forecast.TrainingResult;
import org.vpp.forecast.model.PhysicalBounds;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.Metrics;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

/** Trains on all but the last days of a source, then forecasts each held-out day from the data before it. */
public final class SourceBenchmark {

    private SourceBenchmark() {
    }

    public static SourceRun run(BenchmarkSource source, CvConfig config) {
        TimeSeries series = source.series();
        int perDay = Season.DAILY.length(series.step());
        Horizon horizon = new Horizon(perDay);
        int heldOutDays = series.size() >= 42 * perDay ? 7 : 2;
        int trainingEnd = series.size() - heldOutDays * perDay;
        Forecaster forecaster = new Forecaster(System::nanoTime);

        long started = System.nanoTime();
        TrainingResult training = forecaster.train(source.source(), series.slice(0, trainingEnd), horizon, config);
        double trainingMs = (System.nanoTime() - started) / 1e6;

        TrainedModelSpec naive = new TrainedModelSpec(source.source(),
                PhysicalBounds.around(new SeasonalNaive(Season.DAILY), source.source()));
        double selectedError = 0;
        double naiveError = 0;
        long inferenceNanos = 0;
        for (int day = 0; day < heldOutDays; day++) {
            int origin = trainingEnd + day * perDay;
            TimeSeries history = series.slice(0, origin);
            double[] actual = series.slice(origin, origin + perDay).values();
            long before = System.nanoTime();
            double[] forecast = Forecaster.forecast(training.selected(), history, horizon, history.end()).values();
            inferenceNanos += System.nanoTime() - before;
            selectedError += Metrics.mae(actual, forecast);
            naiveError += Metrics.mae(actual, Forecaster.forecast(naive, history, horizon, history.end()).values());
        }
        return new SourceRun(source, training, trainingMs, inferenceNanos / 1e6 / heldOutDays, heldOutDays,
                selectedError / heldOutDays, naiveError / heldOutDays);
    }
}
