package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.TimeSeries;

/**
 * Applies what physics says to another model's forecast: generation is never negative, and PV produces nothing
 * while the sun is down. Applied to every candidate before scoring, so selection judges what is actually used.
 */
public record PhysicalBounds(ForecastModel inner, Source source) implements ForecastModel {

    public PhysicalBounds {
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(source, "source");
    }

    /** {@code model} wrapped when the source has bounds, unchanged otherwise. */
    public static ForecastModel around(ForecastModel model, Source source) {
        return source.kind().nonNegative() ? new PhysicalBounds(model, source) : model;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Map<String, String> parameters() {
        return inner.parameters();
    }

    @Override
    public int complexity() {
        return inner.complexity();
    }

    @Override
    public int minimumHistory(Duration step) {
        return inner.minimumHistory(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        FittedModel fitted = inner.fit(history);
        Optional<SiteClearSky> clearSky = source.kind() == SourceKind.PV ? source.site().map(SiteClearSky::new) : Optional.empty();
        return steps -> {
            double[] forecast = fitted.predict(steps);
            double[] sky = clearSky.map(model -> model.intervalMeans(history.end(), history.step(), steps))
                    .orElse(null);
            for (int k = 0; k < steps; k++) {
                boolean dark = sky != null && sky[k] == 0;
                forecast[k] = dark ? 0 : Math.max(0, forecast[k]);
            }
            return forecast;
        };
    }
}
