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
 * the day before, as a day-ahead trader would have read them before the auction.
 */
public final class SimulatedWeatherFeed implements WeatherFeed {

    private static final LocalTime DAY_AHEAD_ISSUE = LocalTime.NOON;

    private final WeatherSeries actual;
    private final ZoneId zone;
    private final long seed;
    private volatile WeatherSeries dayAhead;

    public SimulatedWeatherFeed(WeatherSeries actual, ZoneId zone, long seed) {
        this.actual = Objects.requireNonNull(actual, "actual");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.seed = seed;
    }

    @Override
    public WeatherColumns issued(Instant issuedAt, Instant from, Duration step, int count) {
        int first = index(from, step, count);
        return columns(WeatherForecaster.issued(actual.slice(first, first + count), issuedAt, seed));
    }

    @Override
    public WeatherColumns dayAhead(Instant from, Duration step, int count) {
        int first = index(from, step, count);
        WeatherSeries all = dayAhead;
        if (all == null) {
            all = WeatherForecaster.dayAhead(actual, DAY_AHEAD_ISSUE, zone, seed);
            dayAhead = all;
        }
        return columns(all.slice(first, first + count));
    }

    private int index(Instant from, Duration step, int count) {
        Duration grid = actual.ghiWPerM2().step();
        if (!step.equals(grid)) {
            throw new IllegalArgumentException("the simulated weather is on a grid of " + grid + ", asked for " + step);
        }
        long offset = Duration.between(actual.ghiWPerM2().start(), from).toSeconds();
        if (offset < 0 || offset % grid.toSeconds() != 0 || offset / grid.toSeconds() + count > actual.ghiWPerM2().size()) {
            throw new IllegalArgumentException("the simulated weather covers [" + actual.ghiWPerM2().start() + ", "
                    + actual.ghiWPerM2().end() + ") on its grid; asked for " + count + " steps from " + from);
        }
        return Math.toIntExact(offset / grid.toSeconds());
    }

    private static WeatherColumns columns(WeatherSeries weather) {
        return new WeatherColumns(weather.ghiWPerM2().values(), weather.windSpeedMsAt10m().values(),
                weather.temperatureC().values());
    }
}
