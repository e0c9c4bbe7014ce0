package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

/**
 * Additive Holt-Winters exponential smoothing with a damped additive trend and additive seasonality
 * (Hyndman and Athanasopoulos, FPP3, section 8.3). {@code phi = 1} is the undamped linear trend and
 * {@code phi = 0} switches the trend off, so one record spans the ETS(A,N,A), (A,Ad,A) and (A,A,A) family.
 */
public record HoltWinters(double alpha, double beta, double gamma, double phi, Season season) implements ForecastModel {

    public static final String NAME = "holt-winters";

    public HoltWinters {
        requireUnit("alpha", alpha);
        requireUnit("beta", beta);
        requireUnit("gamma", gamma);
        requireUnit("phi", phi);
        Objects.requireNonNull(season, "season");
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("alpha", Double.toString(alpha), "beta", Double.toString(beta),
                "gamma", Double.toString(gamma), "phi", Double.toString(phi), "season", season.name());
    }

    @Override
    public int complexity() {
        return 10;
    }

    /** Two seasons: the first gives level and seasonal indices, the second the initial trend. */
    @Override
    public int minimumHistory(Duration step) {
        return 2 * season.length(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        int m = season.length(history.step());
        if (history.size() < 2 * m) {
            throw new IllegalArgumentException("Holt-Winters needs two seasons (" + 2 * m + " steps), got " + history.size());
        }
        double[] y = history.values();
        double firstMean = mean(y, 0, m);
        double secondMean = mean(y, m, 2 * m);
        double trend = phi == 0 ? 0 : (secondMean - firstMean) / m;
        // Each season's mean sits at its middle step, so the de-trended level at step i is mean + trend * offset.
        double middle = (m - 1) / 2.0;
        double[] seasonal = new double[m];
        for (int i = 0; i < m; i++) {
            double offset = i - middle;
            seasonal[i] = ((y[i] - firstMean - trend * offset) + (y[m + i] - secondMean - trend * offset)) / 2;
        }
        double level = firstMean + trend * middle;
        for (int t = m; t < y.length; t++) {
            double previousLevel = level;
            double dampedTrend = phi * trend;
            int s = t % m;
            level = alpha * (y[t] - seasonal[s]) + (1 - alpha) * (previousLevel + dampedTrend);
            trend = beta * (level - previousLevel) + (1 - beta) * dampedTrend;
            seasonal[s] = gamma * (y[t] - previousLevel - dampedTrend) + (1 - gamma) * seasonal[s];
        }
        return new Fitted(level, trend, phi, seasonal.clone(), y.length % m);
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }

    /** The final state; {@code nextSeasonIndex} is the seasonal slot of the first forecast step. */
    private record Fitted(double level, double trend, double phi, double[] seasonal, int nextSeasonIndex)
            implements FittedModel {

        @Override
        public double[] predict(int steps) {
            double[] forecast = new double[steps];
            double dampingSum = 0;
            double dampingPower = 1;
            for (int h = 0; h < steps; h++) {
                dampingPower *= phi;
                dampingSum += dampingPower;
                forecast[h] = level + dampingSum * trend + seasonal[(nextSeasonIndex + h) % seasonal.length];
            }
            return forecast;
        }
    }
}
