package org.vpp.forecast.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.vpp.forecast.feature.CalendarFeatures;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TimeSeries;

/**
 * A linear model of the value on lagged values, hour of day, day of week and, for PV, clear-sky irradiance and
 * each lag rescaled by the ratio of clear-sky irradiance now to then (yesterday's output at this hour, corrected
 * for the sun being a little higher or lower today: the clear-sky index persists, the raw output does not).
 *
 * <p>Multi-step strategy: <em>direct with horizon-safe lags</em>. Every lag is at least as long as the
 * horizon, so at the origin each lagged value the model needs for every step is already observed. One fit
 * then serves all steps, nothing is fed back (a recursive strategy would compound its own errors over 96
 * steps) and there is no need for one model per step (96 fits per training). The price is that the value just
 * before the origin is not a regressor; Holt-Winters, whose level follows the latest values, covers that.
 *
 * <p>The fit is ordinary least squares by QR (Commons Math) on rows augmented with a small ridge penalty per
 * column, scaled to that column's own size: lagged values and one-hot calendar columns are nearly collinear on
 * clean periodic data, and the penalty keeps the system well-posed without changing a well-conditioned fit.
 */
public record LagRegression(List<Duration> lags, ZoneId zone, Optional<GeoLocation> clearSkySite, double ridge)
        implements ForecastModel {

    public static final String NAME = "lag-regression";
    public static final double DEFAULT_RIDGE = 1e-4;

    public LagRegression {
        lags = List.copyOf(lags);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clearSkySite, "clearSkySite");
        if (lags.stream().anyMatch(lag -> lag.isZero() || lag.isNegative())) {
            throw new IllegalArgumentException("lags must be positive: " + lags);
        }
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge must be >= 0, was " + ridge);
        }
    }

    /**
     * The default lags for a horizon: the shortest whole number of days and of weeks that reach past the
     * horizon (yesterday and last week for a day-ahead quarter-hour forecast).
     */
    public static List<Duration> horizonSafeLags(Duration step, int horizonSteps, Season... seasons) {
        Duration horizon = step.multipliedBy(horizonSteps);
        return Arrays.stream(seasons)
                .map(season -> season.period().multipliedBy(
                        Math.max(1, ceilDiv(horizon.toNanos(), season.period().toNanos()))))
                .distinct()
                .toList();
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(
                "lags", Lags.encode(lags),
                "clearSky", Boolean.toString(clearSkySite.isPresent()),
                "ridge", Double.toString(ridge),
                "zone", zone.getId());
    }

    @Override
    public int complexity() {
        return 20 + lags.size();
    }

    /** The longest lag plus two days of rows to learn from. */
    @Override
    public int minimumHistory(Duration step) {
        return Lags.longest(lags, step) + 2 * Season.DAILY.length(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        int n = history.size();
        int[] lagSteps = Lags.steps(lags, history.step());
        int first = Lags.longest(lags, history.step());
        if (n < minimumHistory(history.step())) {
            throw new IllegalArgumentException("lag regression needs " + minimumHistory(history.step())
                    + " steps, got " + n);
        }
        Features features = new Features(lagSteps, new CalendarFeatures(zone), clearSkySite.map(SiteClearSky::new));
        double[] y = history.values();
        double[] clearSky = features.clearSky(history.start(), history.step(), n);
        int rows = n - first;
        int width = features.width();
        double[][] x = new double[rows + width - 1][width];
        double[] target = new double[rows + width - 1];
        for (int t = first; t < n; t++) {
            features.write(y, clearSky, t, history.timeAt(t), x[t - first]);
            target[t - first] = y[t];
        }
        addRidgeRows(x, target, rows, width);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(target, x);
        double[] beta = ols.estimateRegressionParameters();
        return new Fitted(history, y, clearSky, features, beta, lagSteps);
    }

    /** One extra row per non-intercept column j: sqrt(lambda_j) in column j, target 0. */
    private void addRidgeRows(double[][] x, double[] target, int rows, int width) {
        for (int j = 1; j < width; j++) {
            double sumOfSquares = 0;
            for (int i = 0; i < rows; i++) {
                sumOfSquares += x[i][j] * x[i][j];
            }
            x[rows + j - 1][j] = Math.sqrt(ridge * (sumOfSquares + 1));
            target[rows + j - 1] = 0;
        }
    }

    /** Column layout: intercept, lags, calendar, then for PV clear-sky and the clear-sky-scaled lags. */
    private record Features(int[] lagSteps, CalendarFeatures calendar, Optional<SiteClearSky> clearSkyModel) {

        private static final double CLEAR_SKY_FLOOR = 20;
        private static final double MAX_CLEAR_SKY_RATIO = 3;

        int width() {
            return 1 + lagSteps.length + CalendarFeatures.WIDTH + (clearSkyModel.isPresent() ? 1 + lagSteps.length : 0);
        }

        double[] clearSky(Instant start, Duration step, int count) {
            return clearSkyModel.map(model -> model.intervalMeans(start, step, count)).orElse(new double[count]);
        }

        /** {@code y} must hold every value up to {@code t - 1}; index {@code t} itself is never read. */
        void write(double[] y, double[] clearSky, int t, Instant time, double[] row) {
            row[0] = 1;
            for (int i = 0; i < lagSteps.length; i++) {
                row[1 + i] = y[t - lagSteps[i]];
            }
            calendar.write(time, row, 1 + lagSteps.length);
            if (clearSkyModel.isPresent()) {
                int column = 1 + lagSteps.length + CalendarFeatures.WIDTH;
                row[column] = clearSky[t] / 1000;
                for (int i = 0; i < lagSteps.length; i++) {
                    double then = clearSky[t - lagSteps[i]];
                    // Near sunrise and sunset the ratio of two tiny irradiances is noise; cap it.
                    row[column + 1 + i] = then < CLEAR_SKY_FLOOR ? 0
                            : y[t - lagSteps[i]] * Math.min(MAX_CLEAR_SKY_RATIO, clearSky[t] / then);
                }
            }
        }
    }

    private record Fitted(TimeSeries history, double[] y, double[] historyClearSky, Features features, double[] beta,
                          int[] lagSteps)
            implements FittedModel {

        @Override
        public double[] predict(int steps) {
            int n = y.length;
            int shortestLag = Arrays.stream(lagSteps).min().orElse(Integer.MAX_VALUE);
            if (steps > shortestLag) {
                throw new IllegalArgumentException("lags " + Arrays.toString(lagSteps)
                        + " cannot serve a horizon of " + steps + " steps without feeding forecasts back");
            }
            double[] extended = Arrays.copyOf(y, n + steps);
            double[] clearSky = Arrays.copyOf(historyClearSky, n + steps);
            System.arraycopy(features.clearSky(history.end(), history.step(), steps), 0, clearSky, n, steps);
            double[] row = new double[features.width()];
            double[] forecast = new double[steps];
            for (int k = 0; k < steps; k++) {
                features.write(extended, clearSky, n + k, history.timeAt(n + k), row);
                double value = 0;
                for (int j = 0; j < row.length; j++) {
                    value += beta[j] * row[j];
                }
                forecast[k] = value;
            }
            return forecast;
        }
    }
}
