package org.vpp.forecast.model;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.vpp.forecast.feature.PublicHolidays;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.feature.WeatherColumns;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TimeSeries;

/**
 * Gradient-boosted regression trees (XGBoost) on horizon-safe lags, the local calendar (hour, day of week, public
 * holidays of the zone) and, where present, clear-sky irradiance and the weather forecast. Trees find what a
 * linear model cannot state: a power curve between forecast wind speed and output, a holiday that looks like a
 * Sunday, an evening peak that moves with the season.
 *
 * <p>For PV the target is <em>clear-sky normalised</em>: the model learns output divided by the clear-sky
 * irradiance (a clear-sky index, floored so that night rows stay finite) and multiplies back, so what it learnt
 * in April still holds when the sun stands higher in May. Lags are normalised the same way. Each row is weighted
 * by the square of its divisor, so the squared error is still counted in output units: without the weights, dawn
 * and dusk rows (a fleet spread over a country produces before the sun rises at its reference site) become huge
 * after division and take the trees' attention from the hours that matter.
 *
 * <p>Multi-step strategy as {@link LagRegression}: direct, with lags at least as long as the horizon. Training is
 * deterministic (one thread, fixed seed), so the same history gives the same forecast on every machine.
 */
public record GradientBoosting(List<Duration> lags, ZoneId zone, Optional<GeoLocation> clearSkySite,
                               Optional<WeatherFeed> weather, int depth, double learningRate, int rounds)
        implements ForecastModel {

    public static final String NAME = "gradient-boosting";
    private static final Cleaner BOOSTERS = Cleaner.create();
    private static final double CLEAR_SKY_SCALE = 1000;
    private static final double CLEAR_SKY_FLOOR = 0.05;
    private static final int CALENDAR_WIDTH = 3;

    public GradientBoosting {
        lags = List.copyOf(lags);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clearSkySite, "clearSkySite");
        Objects.requireNonNull(weather, "weather");
        if (lags.stream().anyMatch(lag -> lag.isZero() || lag.isNegative())) {
            throw new IllegalArgumentException("lags must be positive: " + lags);
        }
        if (lags.isEmpty() && weather.isEmpty()) {
            throw new IllegalArgumentException("without a weather forecast at least one lag is needed");
        }
        if (depth < 1 || depth > 12 || rounds < 1 || rounds > 2000 || !(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("depth 1..12, rounds 1..2000, learning rate in (0, 1]: " + depth
                    + ", " + rounds + ", " + learningRate);
        }
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
                "weather", Boolean.toString(weather.isPresent()),
                "depth", Integer.toString(depth),
                "learningRate", Double.toString(learningRate),
                "rounds", Integer.toString(rounds),
                "zone", zone.getId());
    }

    @Override
    public int complexity() {
        return 40 + depth;
    }

    /** The longest lag plus a week of rows to learn from. */
    @Override
    public int minimumHistory(Duration step) {
        return Lags.longest(lags, step) + Season.WEEKLY.length(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        int n = history.size();
        if (n < minimumHistory(history.step())) {
            throw new IllegalArgumentException("gradient boosting needs " + minimumHistory(history.step())
                    + " steps, got " + n);
        }
        Layout layout = new Layout(Lags.steps(lags, history.step()),
                PublicHolidays.of(zone), zone, clearSkySite.map(SiteClearSky::new), weather.isPresent());
        double[] clearSky = layout.clearSky(history.start(), history.step(), n);
        double[] target = layout.normalise(history.values(), clearSky);
        Optional<WeatherColumns> pastWeather = weather.map(feed -> feed.dayAhead(history.start(), history.step(), n));
        int first = Lags.longest(lags, history.step());
        int rows = n - first;
        float[] x = new float[rows * layout.width()];
        float[] y = new float[rows];
        float[] weights = new float[rows];
        for (int t = first; t < n; t++) {
            layout.write(target, clearSky, pastWeather.orElse(null), t, t, history.timeAt(t), x, (t - first) * layout.width());
            y[t - first] = (float) target[t];
            double divisor = layout.denormalise(1, clearSky, t);
            weights[t - first] = (float) (divisor * divisor);
        }
        DMatrix training = null;
        try {
            training = new DMatrix(x, rows, layout.width(), Float.NaN);
            training.setLabel(y);
            training.setWeight(weights);
            Booster booster = XGBoost.train(training, parameters(depth, learningRate), rounds, Map.of(), null, null);
            return new Fitted(history, target, clearSky, layout, new BoosterHandle(booster), weather);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
        } finally {
            if (training != null) training.dispose();
        }
    }

    private static Map<String, Object> parameters(int depth, double learningRate) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "reg:squarederror");
        p.put("tree_method", "hist");
        p.put("max_depth", depth);
        p.put("eta", learningRate);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.9);
        p.put("min_child_weight", 5);
        p.put("lambda", 1.0);
        p.put("nthread", 1);
        p.put("seed", 7);
        p.put("verbosity", 0);
        return p;
    }

    /**
     * Column layout: lags (normalised for PV), hour of day, day of week, holiday level, then clear-sky irradiance
     * (PV) and the three weather variables (when a feed is present).
     */
    private record Layout(int[] lagSteps, PublicHolidays holidays, ZoneId zone, Optional<SiteClearSky> sky,
                          boolean weather) {

        int width() {
            return lagSteps.length + CALENDAR_WIDTH + (sky.isPresent() ? 1 : 0) + (weather ? 3 : 0);
        }

        double[] clearSky(Instant start, Duration step, int count) {
            return sky.map(model -> model.intervalMeans(start, step, count)).orElse(null);
        }

        /** PV output divided by the floored clear-sky index; anything else unchanged. */
        double[] normalise(double[] values, double[] clearSky) {
            if (clearSky == null) return values;
            double[] normalised = new double[values.length];
            for (int t = 0; t < values.length; t++) normalised[t] = values[t] / index(clearSky[t]);
            return normalised;
        }

        double denormalise(double value, double[] clearSky, int t) {
            return clearSky == null ? value : value * index(clearSky[t]);
        }

        private static double index(double clearSky) {
            return Math.max(CLEAR_SKY_FLOOR, clearSky / CLEAR_SKY_SCALE);
        }

        /** Row for step {@code t}; {@code target} must hold every value up to {@code t - min lag}. */
        void write(double[] target, double[] clearSky, WeatherColumns weatherColumns, int t, int weatherIndex,
                   Instant time, float[] x, int offset) {
            int column = offset;
            for (int lag : lagSteps) x[column++] = (float) target[t - lag];
            ZonedDateTime local = time.atZone(zone);
            x[column++] = local.getHour() + local.getMinute() / 60f;
            x[column++] = local.getDayOfWeek().getValue();
            x[column++] = (float) holidays.level(local.toLocalDate());
            if (clearSky != null) x[column++] = (float) (clearSky[t] / CLEAR_SKY_SCALE);
            if (weatherColumns != null) weatherColumns.write(weatherIndex, x, column);
        }
    }

    /** The trained booster's native memory, freed once no fitted model refers to it any more. */
    private static final class BoosterHandle {

        private final Booster booster;

        BoosterHandle(Booster booster) {
            this.booster = booster;
            BOOSTERS.register(this, booster::dispose);
        }
    }

    private static final class Fitted implements FittedModel {

        private final TimeSeries history;
        private final double[] target;
        private final double[] historyClearSky;
        private final Layout layout;
        private final BoosterHandle handle;
        private final Optional<WeatherFeed> weather;

        Fitted(TimeSeries history, double[] target, double[] historyClearSky, Layout layout, BoosterHandle handle,
               Optional<WeatherFeed> weather) {
            this.history = history;
            this.target = target;
            this.historyClearSky = historyClearSky;
            this.layout = layout;
            this.handle = handle;
            this.weather = weather;
        }

        /** The same trees on a later history: its lags and, for PV, its clear sky. */
        @Override
        public Optional<FittedModel> advancedTo(TimeSeries newer) {
            double[] clearSky = layout.clearSky(newer.start(), newer.step(), newer.size());
            return Optional.of(new Fitted(newer, layout.normalise(newer.values(), clearSky), clearSky, layout, handle,
                    weather));
        }

        @Override
        public double[] predict(int steps) {
            int n = target.length;
            int shortestLag = java.util.Arrays.stream(layout.lagSteps()).min().orElse(Integer.MAX_VALUE);
            if (steps > shortestLag) {
                throw new IllegalArgumentException("lags cannot serve a horizon of " + steps + " steps");
            }
            double[] futureSky = layout.clearSky(history.end(), history.step(), steps);
            double[] clearSky = historyClearSky == null ? null : concat(historyClearSky, futureSky);
            WeatherColumns forecastWeather = weather.map(feed -> feed.issued(history.end(), history.end(),
                    history.step(), steps)).orElse(null);
            double[] extended = java.util.Arrays.copyOf(target, n + steps);
            float[] x = new float[steps * layout.width()];
            for (int k = 0; k < steps; k++) {
                layout.write(extended, clearSky, forecastWeather, n + k, k, history.timeAt(n + k), x, k * layout.width());
            }
            DMatrix rows = null;
            try {
                rows = new DMatrix(x, steps, layout.width(), Float.NaN);
                float[][] predicted = handle.booster.predict(rows);
                double[] forecast = new double[steps];
                for (int k = 0; k < steps; k++) forecast[k] = layout.denormalise(predicted[k][0], clearSky, n + k);
                return forecast;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
            } finally {
                if (rows != null) rows.dispose();
            }
        }

        private static double[] concat(double[] a, double[] b) {
            double[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        }
    }
}
