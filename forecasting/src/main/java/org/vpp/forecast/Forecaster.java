package org.vpp.forecast;

import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.vpp.forecast.model.CandidateModels;
import org.vpp.forecast.model.FittedModel;
import org.vpp.forecast.model.PhysicalBounds;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.ModelSelection;
import org.vpp.forecast.validation.SelectionResult;
import org.vpp.forecast.value.Forecast;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.QuantileBand;
import org.vpp.forecast.value.Source;
import org.vpp.kernel.TimeSeries;

/**
 * The library's front: train (select a model per source by cross-validation) and forecast (refit the selected
 * model on the latest history). Holds nothing but the clock that bounds the search, so one instance serves
 * any number of sources on any number of threads.
 */
public final class Forecaster {

    private final LongSupplier nanoTime;

    /** {@code nanoTime} measures the search budget: {@code System::nanoTime} in production, a fake in tests. */
    public Forecaster(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public TrainingResult train(Source source, TimeSeries history, Horizon horizon, CvConfig config) {
        SelectionResult selection = ModelSelection.select(
                CandidateModels.forSource(source, history.step(), horizon), history, horizon, config, nanoTime);
        return new TrainingResult(new TrainedModelSpec(source, selection.best().model(),
                Optional.of(selection.quantiles())), horizon, config.maseSeason(), selection);
    }

    /**
     * Forecasts {@code horizon} steps from {@code history.end()}. The history must be complete at
     * {@code issuedAt}: a value covering time after the issue instant would be look-ahead.
     */
    public static Forecast forecast(TrainedModelSpec spec, TimeSeries history, Horizon horizon, Instant issuedAt) {
        return forecast(spec, spec.model().fit(history), history, horizon, issuedAt);
    }

    /**
     * The same with a model already fitted on {@code history} (see {@link FittedModel#advancedTo}): inference between
     * trainings without training again.
     */
    public static Forecast forecast(TrainedModelSpec spec, FittedModel fitted, TimeSeries history, Horizon horizon,
                                    Instant issuedAt) {
        if (issuedAt.isBefore(history.end())) {
            throw new IllegalArgumentException("history runs to " + history.end()
                    + ", after the forecast's issue instant " + issuedAt);
        }
        double[] values = fitted.predict(horizon.steps());
        Optional<QuantileBand> band = spec.quantiles().map(quantiles -> quantiles.around(values)
                .bounded(level -> PhysicalBounds.clip(spec.source(), history.end(), history.step(), level)));
        return new Forecast(issuedAt, history.end(), history.step(), values, spec.name(), spec.parameters(), band);
    }
}
