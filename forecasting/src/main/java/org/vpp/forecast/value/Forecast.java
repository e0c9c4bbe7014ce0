package org.vpp.forecast.value;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.vpp.kernel.TimeSeries;

/**
 * A forecast as it will be recorded: when it was issued, the first instant it covers (the end of the history it
 * was made from), one value per step, and the model that made it with its parameters.
 */
public record Forecast(Instant issuedAt, Instant origin, Duration step, double[] values,
                       String model, Map<String, String> parameters) {

    public Forecast {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(model, "model");
        values = values.clone();
        parameters = Map.copyOf(parameters);
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
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuedAt, origin, step, Arrays.hashCode(values), model, parameters);
    }

    @Override
    public String toString() {
        return "Forecast[issuedAt=" + issuedAt + ", origin=" + origin + ", step=" + step
                + ", steps=" + values.length + ", model=" + model + ", parameters=" + parameters + "]";
    }
}
