package org.vpp.simulator.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.series.Stochastic;

/**
 * What a weather service would have said: the actual weather plus errors whose spread grows with lead time. A PV
 * or wind forecaster fed the actual weather would show a skill no real one has; fed these, it meets the same
 * uncertainty an operator bidding day-ahead meets.
 *
 * <p>Each issue has its own error paths, derived from (seed, site, issue instant), AR(1)-correlated along lead time
 * because a numerical weather prediction that misplaces a front is wrong for hours, not for one slot. Consecutive
 * issues are drawn independently, which real model runs are not (they share most of their errors); a later issue
 * of the same target is still closer to the actual on average because its lead, and so its spread, is smaller.
 * The error at a target depends only on the issue, the lead and the step, never on where the grid starts, so any
 * slice of the actual weather gets the same forecast as the whole. The streams are named apart from the
 * generator's, so the seed of the actual weather may be reused.
 */
public final class WeatherForecaster {

    /**
     * Spread of the cloud error on the logit scale of cloud cover, where an error cannot leave [0,1] and moves
     * broken skies more than overcast or clear ones. Tuned so that the day-ahead (12-36 h) RMSE of GHI at a single
     * site is about a third of the mean daytime GHI: Lorenz et al. (2009, IEEE J-STARS 2(1)) found about 35 % for
     * ECMWF-based forecasts at German stations, and Perez et al. (2013, Solar Energy 94) 30-50 % in central Europe
     * across models. Even at lead 0 an analysis misplaces cloud edges.
     */
    private static final ErrorGrowth CLOUD_LOGIT = new ErrorGrowth(0.5, 1.2, 4.0);

    /**
     * Spread of the wind error on the square-root scale of the speed, which makes wind nearly Gaussian (Brown, Katz
     * and Murphy 1984, J. Clim. Appl. Meteorol. 23) and lets the error grow with the speed, as NWP errors do. At a
     * mean 10-m speed of 4-5 m/s this is an RMSE of about 1 m/s a few hours out and 1.5-2 m/s day-ahead, the range
     * ECMWF's verification against European SYNOP stations shows for 10-m wind (Haiden et al., ECMWF Tech. Memo.
     * "Evaluation of ECMWF forecasts", yearly) and Giebel et al. (2011, "The state-of-the-art in short-term
     * prediction of wind power", ANEMOS.plus) quote for NWP input; the ceiling is where a forecast has lost its skill.
     */
    private static final ErrorGrowth WIND_SQRT = new ErrorGrowth(0.25, 0.2, 0.7);

    /**
     * Spread of the 2-m temperature error in degrees C: about 1 K a few hours out, 1.5 K day-ahead and 2 K at two
     * days, as in ECMWF's verification against European stations (Haiden et al., see above); capped near the
     * error of climatology (the generator's anomaly has a standard deviation of 2.5 K).
     */
    private static final ErrorGrowth TEMPERATURE_C = new ErrorGrowth(1.0, 0.5, 3.5);

    // Hour-to-hour correlation of each error along lead time: cloud and temperature errors come from misplaced
    // synoptic systems and persist for most of a day, wind errors for some hours.
    private static final double CLOUD_ERROR_HOURLY_CORRELATION = 0.95;
    private static final double WIND_ERROR_HOURLY_CORRELATION = 0.9;
    private static final double TEMPERATURE_ERROR_HOURLY_CORRELATION = 0.95;

    /** Cloud cover is held this far from 0 and 1 before the logit, which changes the irradiance by less than 1e-9. */
    private static final double CLOUD_MARGIN = 1e-3;

    private WeatherForecaster() {
    }

    /**
     * The weather on the grid of {@code actual} as forecast at {@code issuedAt}: slots that end at or before the
     * issue are the actual weather (the analysis); later slots carry an error that grows with the lead, the time
     * from the issue to the slot's start. GHI keeps the actual clear-sky irradiance and takes the clear-sky index
     * of the forecast cloud cover, which for generated weather is exactly the generator's formula, stays 0 at night
     * and also suits measured weather whose GHI the generator's clear-sky model would not reproduce.
     */
    public static WeatherSeries issued(WeatherSeries actual, Instant issuedAt, long seed) {
        TimeSeries grid = actual.cloudCover();
        Duration step = grid.step();
        int first = firstForecastSlot(grid, issuedAt);
        int forecastSlots = grid.size() - first;
        if (forecastSlots == 0) {
            return actual;
        }
        long stepsToFirst = Math.max(0, Math.ceilDiv(Duration.between(issuedAt, grid.timeAt(first)).toNanos(),
                step.toNanos()));
        String key = "forecast:" + actual.location().streamKey() + ":" + issuedAt;
        double[] cloudError = errorPath(SeedStreams.stream(seed, key + ":cloud"), CLOUD_ERROR_HOURLY_CORRELATION,
                step, stepsToFirst, forecastSlots);
        double[] windError = errorPath(SeedStreams.stream(seed, key + ":wind"), WIND_ERROR_HOURLY_CORRELATION,
                step, stepsToFirst, forecastSlots);
        double[] temperatureError = errorPath(SeedStreams.stream(seed, key + ":temperature"),
                TEMPERATURE_ERROR_HOURLY_CORRELATION, step, stepsToFirst, forecastSlots);

        double[] ghi = actual.ghiWPerM2().values();
        double[] temperature = actual.temperatureC().values();
        double[] wind = actual.windSpeedMsAt10m().values();
        double[] cloud = grid.values();
        for (int j = 0; j < forecastSlots; j++) {
            int i = first + j;
            double leadHours = Math.max(0, Duration.between(issuedAt, grid.timeAt(i)).toNanos() / 3.6e12);
            double forecastCloud = logistic(logit(cloud[i]) + CLOUD_LOGIT.at(leadHours) * cloudError[j]);
            ghi[i] *= WeatherGenerator.clearSkyIndex(forecastCloud) / WeatherGenerator.clearSkyIndex(cloud[i]);
            cloud[i] = forecastCloud;
            wind[i] = forecastWindMs(wind[i], WIND_SQRT.at(leadHours), windError[j]);
            temperature[i] += TEMPERATURE_C.at(leadHours) * temperatureError[j];
        }
        return new WeatherSeries(actual.location(),
                new TimeSeries(grid.start(), step, ghi),
                new TimeSeries(grid.start(), step, temperature),
                new TimeSeries(grid.start(), step, wind),
                new TimeSeries(grid.start(), step, cloud));
    }

    /**
     * What a day-ahead PV or wind model is trained on: every slot as forecast by the issue at {@code issueTime}
     * local time on the day before the slot's local day (the day of its start). With noon, the usual time by which
     * day-ahead bids are prepared, every slot of a day has a lead between 12 and 36 hours (35 or 37 across a
     * daylight-saving change). Each day is exactly {@link #issued} of its issue.
     */
    public static WeatherSeries dayAhead(WeatherSeries actual, LocalTime issueTime, ZoneId zone, long seed) {
        TimeSeries grid = actual.cloudCover();
        double[] ghi = new double[grid.size()];
        double[] temperature = new double[grid.size()];
        double[] wind = new double[grid.size()];
        double[] cloud = new double[grid.size()];
        int from = 0;
        while (from < grid.size()) {
            LocalDate day = LocalDate.ofInstant(grid.timeAt(from), zone);
            Duration toNextDay = Duration.between(grid.start(), day.plusDays(1).atStartOfDay(zone).toInstant());
            int to = (int) Math.min(grid.size(), Math.ceilDiv(toNextDay.toNanos(), grid.step().toNanos()));
            Instant issuedAt = day.minusDays(1).atTime(issueTime).atZone(zone).toInstant();
            WeatherSeries forecast = issued(actual.slice(from, to), issuedAt, seed);
            System.arraycopy(forecast.ghiWPerM2().values(), 0, ghi, from, to - from);
            System.arraycopy(forecast.temperatureC().values(), 0, temperature, from, to - from);
            System.arraycopy(forecast.windSpeedMsAt10m().values(), 0, wind, from, to - from);
            System.arraycopy(forecast.cloudCover().values(), 0, cloud, from, to - from);
            from = to;
        }
        return new WeatherSeries(actual.location(),
                new TimeSeries(grid.start(), grid.step(), ghi),
                new TimeSeries(grid.start(), grid.step(), temperature),
                new TimeSeries(grid.start(), grid.step(), wind),
                new TimeSeries(grid.start(), grid.step(), cloud));
    }

    /** The first slot that ends after {@code issuedAt}; the slot under way at the issue is already forecast. */
    private static int firstForecastSlot(TimeSeries grid, Instant issuedAt) {
        if (!issuedAt.isAfter(grid.start())) {
            return 0;
        }
        long slotsBefore = Duration.between(grid.start(), issuedAt).toNanos() / grid.step().toNanos();
        return (int) Math.min(grid.size(), slotsBefore);
    }

    /**
     * A unit-variance AR(1) error path along lead, {@code length} values from lead step {@code skip} on: the path
     * always starts at the issue, so a grid that starts later sees the same errors as one that starts earlier.
     */
    private static double[] errorPath(RandomGenerator rng, double hourlyCorrelation, Duration step, long skip,
            int length) {
        double phi = Stochastic.phiForStep(hourlyCorrelation, step);
        double z = rng.nextGaussian();
        for (long k = 0; k < skip; k++) {
            z = Stochastic.ar1Next(z, phi, rng.nextGaussian());
        }
        double[] path = new double[length];
        for (int j = 0; j < length; j++) {
            if (j > 0) {
                z = Stochastic.ar1Next(z, phi, rng.nextGaussian());
            }
            path[j] = z;
        }
        return path;
    }

    /**
     * The wind speed with an error of {@code spread} times {@code z} on the square-root scale: squaring keeps it
     * non-negative, and subtracting the error's variance keeps its mean where the actual is (but for calm, where it
     * floors at 0).
     */
    private static double forecastWindMs(double actualMs, double spread, double z) {
        double root = Math.sqrt(Math.max(0, actualMs)) + spread * z;
        return Math.max(0, root * root - spread * spread);
    }

    private static double logit(double cloudCover) {
        double c = Stochastic.clamp(cloudCover, CLOUD_MARGIN, 1 - CLOUD_MARGIN);
        return Math.log(c / (1 - c));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The spread of an error at a lead: linear growth from the analysis error, capped where skill is gone. */
    private record ErrorGrowth(double atIssue, double perDay, double ceiling) {

        double at(double leadHours) {
            return Math.min(ceiling, atIssue + perDay * leadHours / 24);
        }
    }
}
