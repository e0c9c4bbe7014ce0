package org.vpp.forecast;

import java.util.Map;
import java.util.Objects;
import org.vpp.forecast.model.ForecastModel;
import org.vpp.forecast.value.Source;

/**
 * The model selected for a source: a family and its hyperparameters, not fitted coefficients. Inference refits
 * it on the latest history (milliseconds for every family here), so a spec stays valid as data arrives and is
 * a small value to record in an event.
 */
public record TrainedModelSpec(Source source, ForecastModel model) {

    public TrainedModelSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
    }

    public String name() {
        return model.name();
    }

    public Map<String, String> parameters() {
        return model.parameters();
    }
}
