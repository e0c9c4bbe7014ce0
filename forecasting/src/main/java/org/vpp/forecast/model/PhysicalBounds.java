package org.vpp.forecast.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.TimeSeries;

/**
 * Applies what physics says to another model's forecast: generation is never negative, never above the device's
 * capacity where it is known, and PV produces nothing while the sun is down. Applied to every candidate before
 * scoring, so selection judges what is actually used. (Without the capacity, a Holt-Winters trend carried a 2.8 MW
 * wind park to 9 MW in a forecast the bidding cycle then sold.)
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
    public String family() {
        return inner.family();
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
        return new Bounded(inner.fit(history), history, source);
    }

    private record Bounded(FittedModel fitted, TimeSeries history, Source source) implements FittedModel {

        @Override
        public double[] predict(int steps) {
            return clip(source, history.end(), history.step(), fitted.predict(steps));
        }

        @Override
        public Optional<FittedModel> advancedTo(TimeSeries newer) {
            return fitted.advancedTo(newer).map(advanced -> new Bounded(advanced, newer, source));
        }
    }

    /**
     * {@code values} (one per step from {@code start}) within what physics allows for {@code source}: unchanged
     * for a source without bounds, never negative for generation nor above its capacity, and zero for PV while the
     * sun is down. The
     * same bounds apply to a point forecast and to each of its quantiles.
     */
    public static double[] clip(Source source, Instant start, Duration step, double[] values) {
        if (!source.kind().nonNegative()) return values;
        double[] sky = source.kind() == SourceKind.PV
                ? source.site().map(site -> new SiteClearSky(site).intervalMeans(start, step, values.length))
                        .orElse(null)
                : null;
        double capacity = source.capacity().orElse(Double.POSITIVE_INFINITY);
        double[] clipped = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            boolean dark = sky != null && sky[k] == 0;
            clipped[k] = dark ? 0 : Math.min(capacity, Math.max(0, values[k]));
        }
        return clipped;
    }
}
