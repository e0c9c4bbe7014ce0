package org.vpp.forecast.value;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;

/**
 * A forecast as it will be recorded: when it was issued, the first instant it covers (the end of the history it
 * was made from), one value per step, the model that made it with its parameters, and its P10/P50/P90 band when
 * the model was selected with residual quantiles.
 */
public record Forecast(Instant issuedAt, Instant origin, Duration step, double[] values,
                       String model, Map<String, String> parameters, Optional<QuantileBand> band) {

    public Forecast {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(model, "model");
        values = values.clone();
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(band, "band");
        if (band.isPresent() && band.get().size() != values.length) {
            throw new IllegalArgumentException("the band has " + band.get().size() + " steps, the forecast "
                    + values.length);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public TimeSeries series() {
        return new TimeSeries(origin, step, values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Forecast that
                && issuedAt.equals(that.issuedAt) && origin.equals(that.origin) && step.equals(that.step)
                && Arrays.equals(values, that.values) && model.equals(that.model)
                && parameters.equals(that.parameters) && band.equals(that.band);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuedAt, origin, step, Arrays.hashCode(values), model, parameters, band);
    }

    @Override
    public String toString() {
        return "Forecast[issuedAt=" + issuedAt + ", origin=" + origin + ", step=" + step
                + ", steps=" + values.length + ", model=" + model + ", parameters=" + parameters + "]";
    }
}
