package org.vpp.forecast;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.validation.ResidualQuantiles;
import org.vpp.forecast.value.Source;

/**
 * The model selected for a source: a family and its hyperparameters, not fitted coefficients, and the quantiles of
 * its cross-validation residuals that turn its point forecast into P10/P50/P90. Inference refits it on the latest
 * history, so a spec stays valid as data arrives and is a small value to record in an event.
 */
public record TrainedModelSpec(Source source, ForecastModel model, Optional<ResidualQuantiles> quantiles) {

    public TrainedModelSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(quantiles, "quantiles");
    }

    /** A spec without quantiles: its forecasts carry no band. */
    public TrainedModelSpec(Source source, ForecastModel model) {
        this(source, model, Optional.empty());
    }

    public String name() {
        return model.name();
    }

    public Map<String, String> parameters() {
        return model.parameters();
    }
}
