package org.vpp.simulator.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.vpp.forecast.feature.WeatherColumns;
import org.vpp.forecast.feature.WeatherFeed;

/**
 * The simulator's weather service for one site: forecasts of the weather its twins live in, with errors that grow
 * with lead time ({@link WeatherForecaster}). Day-ahead forecasts for training are those issued at noon local time
 * the day before, as a day-ahead trader would have read them before the auction. The actual weather is a fixed
 * series (a benchmark's) or a site's {@link EpochWeather} (the demo world's, any window).
 */
public final class SimulatedWeatherFeed implements WeatherFeed {

    private static final LocalTime DAY_AHEAD_ISSUE = LocalTime.NOON;

    /** The actual weather over {@code count} steps from {@code from}. */
    private interface Actual {
        WeatherSeries window(Instant from, Duration step, int count);
    }

    private final Actual actual;
    private final ZoneId zone;
    private final long seed;

    private SimulatedWeatherFeed(Actual actual, ZoneId zone, long seed) {
        this.actual = actual;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.seed = seed;
    }

    /** Forecasts of a fixed weather series; windows outside it are refused. */
    public SimulatedWeatherFeed(WeatherSeries actual, ZoneId zone, long seed) {
        this(fixed(Objects.requireNonNull(actual, "actual")), zone, seed);
    }

    /** Forecasts of a site's weather archive: any window. */
    public SimulatedWeatherFeed(EpochWeather actual, ZoneId zone, long seed) {
        this((from, step, count) -> {
            if (!step.equals(actual.step())) {
                throw new IllegalArgumentException("the simulated weather is on a grid of " + actual.step()
                        + ", asked for " + step);
            }
            return actual.window(from, count);
        }, zone, seed);
    }

    @Override
    public WeatherColumns issued(Instant issuedAt, Instant from, Duration step, int count) {
        return columns(WeatherForecaster.issued(actual.window(from, step, count), issuedAt, seed));
    }

    @Override
    public WeatherColumns dayAhead(Instant from, Duration step, int count) {
        return columns(WeatherForecaster.dayAhead(actual.window(from, step, count), DAY_AHEAD_ISSUE, zone, seed));
    }

    private static Actual fixed(WeatherSeries series) {
        return (from, step, count) -> {
            Duration grid = series.ghiWPerM2().step();
            if (!step.equals(grid)) {
                throw new IllegalArgumentException("the simulated weather is on a grid of " + grid + ", asked for " + step);
            }
            long offset = Duration.between(series.ghiWPerM2().start(), from).toSeconds();
            if (offset < 0 || offset % grid.toSeconds() != 0
                    || offset / grid.toSeconds() + count > series.ghiWPerM2().size()) {
                throw new IllegalArgumentException("the simulated weather covers [" + series.ghiWPerM2().start() + ", "
                        + series.ghiWPerM2().end() + ") on its grid; asked for " + count + " steps from " + from);
            }
            int first = Math.toIntExact(offset / grid.toSeconds());
            return series.slice(first, first + count);
        };
    }

    private static WeatherColumns columns(WeatherSeries weather) {
        return new WeatherColumns(weather.ghiWPerM2().values(), weather.windSpeedMsAt10m().values(),
                weather.temperatureC().values());
    }
}
