package org.vpp.simulator.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.ClearSky;
import org.vpp.kernel.TimeSeries;

class WeatherForecasterTest {

    private static final WeatherSite BERLIN = WeatherSite.of(52.5, 13.4);
    private static final ZoneId BERLIN_TIME = ZoneId.of("Europe/Berlin");
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int SLOTS_PER_HOUR = 4;
    private static final int DAYS = 365;
    private static final long SEED = 42;
    private static final WeatherSeries YEAR = WeatherGenerator.generate(BERLIN, YEAR_START, Duration.ofMinutes(15),
            DAYS * 24 * SLOTS_PER_HOUR, SEED);

    @Test
    void theSameIssueGivesTheSameForecastAndAnotherIssueOrSeedOtherErrors() {
        WeatherSeries week = YEAR.slice(0, 7 * 24 * SLOTS_PER_HOUR);
        Instant issue = Instant.parse("2025-01-02T06:00:00Z");

        assertThat(WeatherForecaster.issued(week, issue, SEED)).isEqualTo(WeatherForecaster.issued(week, issue, SEED));
        double[] errorsByLead = temperatureErrorsByLead(week, issue, SEED);
        // Compared lead by lead, beyond rounding: one path for every issue would give the same errors.
        assertThat(largestDifference(temperatureErrorsByLead(week, issue.plus(Duration.ofHours(6)), SEED),
                errorsByLead)).isGreaterThan(0.5);
        assertThat(largestDifference(temperatureErrorsByLead(week, issue, SEED + 1), errorsByLead))
                .isGreaterThan(0.5);
    }

    @Test
    void slotsEndingByTheIssueAreTheActualWeatherAndTheSlotUnderWayIsAlreadyForecast() {
        WeatherSeries twoDays = YEAR.slice(0, 2 * 24 * SLOTS_PER_HOUR);
        // 10:07 lies in the slot 10:00-10:15, index 40: slots 0..39 end by 10:00, the analysis.
        WeatherSeries forecast = WeatherForecaster.issued(twoDays, Instant.parse("2025-01-01T10:07:00Z"), SEED);

        for (Quantity quantity : Quantity.values()) {
            assertThat(quantity.of(forecast).slice(0, 40)).isEqualTo(quantity.of(twoDays).slice(0, 40));
        }
        assertThat(forecast.temperatureC().valueAt(40)).isNotEqualTo(twoDays.temperatureC().valueAt(40));
        assertThat(forecast.windSpeedMsAt10m().valueAt(40)).isNotEqualTo(twoDays.windSpeedMsAt10m().valueAt(40));
        assertThat(forecast.cloudCover().valueAt(40)).isNotEqualTo(twoDays.cloudCover().valueAt(40));
    }

    @Test
    void anIssueAfterTheLastSlotIsTheActualWeather() {
        WeatherSeries day = YEAR.slice(0, 24 * SLOTS_PER_HOUR);

        assertThat(WeatherForecaster.issued(day, Instant.parse("2025-01-02T00:00:00Z"), SEED)).isEqualTo(day);
    }

    @Test
    void aSliceOfTheWeatherGetsTheSameForecastAsTheWhole() {
        WeatherSeries fourDays = YEAR.slice(0, 4 * 24 * SLOTS_PER_HOUR);
        Instant issue = Instant.parse("2025-01-01T12:00:00Z");
        int from = 3 * 24 * SLOTS_PER_HOUR;
        int to = 4 * 24 * SLOTS_PER_HOUR;

        assertThat(WeatherForecaster.issued(fourDays.slice(from, to), issue, SEED))
                .isEqualTo(WeatherForecaster.issued(fourDays, issue, SEED).slice(from, to));
    }

    @Test
    void errorsGrowFromTheFirstHoursToTheNextDay() {
        for (Quantity quantity : Quantity.values()) {
            assertThat(dailyIssueError(quantity, 0, 6).rmse())
                    .isLessThan(0.8 * dailyIssueError(quantity, 24, 36).rmse());
        }
    }

    @Test
    void laterIssuesOfTheSameDayAreCloserToTheActual() {
        // The target is the day after the issue day's midnight: issued two days, one day and zero days before it.
        for (Quantity quantity : Quantity.values()) {
            double twoDaysBefore = dailyIssueError(quantity, 48, 72).rmse();
            double dayBefore = dailyIssueError(quantity, 24, 48).rmse();
            double sameDay = dailyIssueError(quantity, 0, 24).rmse();
            assertThat(dayBefore).isLessThan(twoDaysBefore);
            assertThat(sameDay).isLessThan(dayBefore);
        }
    }

    @Test
    void aFewHoursOutWindIsOffByAboutOneMetrePerSecondAndTemperatureByAboutOneDegree() {
        assertThat(dailyIssueError(Quantity.WIND, 0, 6).rmse()).isBetween(0.7, 1.3);
        assertThat(dailyIssueError(Quantity.TEMPERATURE, 0, 6).rmse()).isBetween(0.8, 1.4);
    }

    @Test
    void dayAheadGhiIsOffByAboutAThirdOfTheMeanDaytimeGhi() {
        Verification dayAhead = verify(dayAheadAtNoon(), YEAR, Quantity.GHI);

        // Lorenz et al. (2009): about 35 % at single German stations.
        assertThat(dayAhead.rmse() / dayAhead.meanActual()).isBetween(0.20, 0.40);
    }

    @Test
    void dayAheadWindIsOffByOneAndAHalfToTwoMetresPerSecondAndTemperatureByOneAndAHalfDegrees() {
        WeatherSeries dayAhead = dayAheadAtNoon();

        assertThat(verify(dayAhead, YEAR, Quantity.WIND).rmse()).isBetween(1.5, 2.0);
        assertThat(verify(dayAhead, YEAR, Quantity.TEMPERATURE).rmse()).isBetween(1.2, 1.9);
    }

    @Test
    void dayAheadIsTheNoonIssueOfTheDayBeforeAcrossTheSpringClockChange() {
        WeatherSeries dayAhead = dayAheadAtNoon();
        // 2025-03-30 in Berlin has 23 hours: it starts at 23:00 UTC on the 29th and ends at 22:00 UTC on the 30th.
        int dayStart = slotAt(Instant.parse("2025-03-29T23:00:00Z"));
        int dayEnd = slotAt(Instant.parse("2025-03-30T22:00:00Z"));
        WeatherSeries issuedSaturdayNoon = WeatherForecaster.issued(YEAR, Instant.parse("2025-03-29T11:00:00Z"), SEED);

        assertThat(dayAhead.slice(dayStart, dayEnd)).isEqualTo(issuedSaturdayNoon.slice(dayStart, dayEnd));
        assertThat(dayAhead.slice(dayEnd, dayEnd + 4)).isNotEqualTo(issuedSaturdayNoon.slice(dayEnd, dayEnd + 4));
        assertThat(dayAhead.slice(dayStart - 4, dayStart))
                .isNotEqualTo(issuedSaturdayNoon.slice(dayStart - 4, dayStart));
    }

    @Test
    void nightStaysDarkAndDaylightStaysLit() {
        WeatherSeries forecast = WeatherForecaster.issued(YEAR, YEAR_START, SEED);

        for (int i = 0; i < YEAR.ghiWPerM2().size(); i += 7) {
            SunPosition sun = SolarGeometry.sunAtMidSlot(BERLIN, YEAR.ghiWPerM2().timeAt(i), Duration.ofMinutes(15));
            if (ClearSky.haurwitzGhiWPerM2(sun.zenithDeg()) == 0) {
                assertThat(forecast.ghiWPerM2().valueAt(i)).isZero();
            } else {
                assertThat(forecast.ghiWPerM2().valueAt(i)).isPositive();
            }
        }
    }

    @Test
    void windIsNeverNegativeAndCloudCoverStaysWithinZeroAndOneEvenAYearAhead() {
        WeatherSeries yearAhead = WeatherForecaster.issued(YEAR, YEAR_START, SEED);

        assertThat(yearAhead.windSpeedMsAt10m().min()).isGreaterThanOrEqualTo(0);
        assertThat(yearAhead.cloudCover().min()).isGreaterThanOrEqualTo(0);
        assertThat(yearAhead.cloudCover().max()).isLessThanOrEqualTo(1);
    }

    private static WeatherSeries dayAheadAtNoon() {
        return WeatherForecaster.dayAhead(YEAR, LocalTime.NOON, BERLIN_TIME, SEED);
    }

    /** Forecast minus actual temperature over the first two days after {@code issue}, by lead. */
    private static double[] temperatureErrorsByLead(WeatherSeries week, Instant issue, long seed) {
        int first = week.temperatureC().indexOf(issue).orElseThrow();
        double[] forecast = WeatherForecaster.issued(week, issue, seed).temperatureC().values();
        double[] actual = week.temperatureC().values();
        double[] errors = new double[2 * 24 * SLOTS_PER_HOUR];
        for (int lead = 0; lead < errors.length; lead++) {
            errors[lead] = forecast[first + lead] - actual[first + lead];
        }
        return errors;
    }

    private static double largestDifference(double[] a, double[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    private static int slotAt(Instant at) {
        return YEAR.ghiWPerM2().indexOf(at).orElseThrow();
    }

    /**
     * The error of the slots {@code fromHour..toHour} after one issue a day at midnight UTC, over the year. Each issue
     * is given only the slots it is judged on, which gives the same forecast as the whole year (tested above).
     */
    private static Verification dailyIssueError(Quantity quantity, int fromHour,
            int toHour) {
        Verification total = Verification.NONE;
        for (int day = 0; day < DAYS; day++) {
            int from = (day * 24 + fromHour) * SLOTS_PER_HOUR;
            int to = Math.min(YEAR.ghiWPerM2().size(), (day * 24 + toHour) * SLOTS_PER_HOUR);
            if (from < to) {
                WeatherSeries actual = YEAR.slice(from, to);
                Instant issue = YEAR_START.plus(Duration.ofDays(day));
                total = total.plus(verify(WeatherForecaster.issued(actual, issue, SEED), actual, quantity));
            }
        }
        return total;
    }

    /** Errors of a forecast against the actual; for GHI over daylight slots only, where the actual is above 0. */
    private static Verification verify(WeatherSeries forecast, WeatherSeries actual,
            Quantity quantity) {
        double[] f = quantity.of(forecast).values();
        double[] a = quantity.of(actual).values();
        double[] ghi = actual.ghiWPerM2().values();
        Verification v = Verification.NONE;
        for (int i = 0; i < a.length; i++) {
            if (!quantity.daylightOnly || ghi[i] > 0) {
                v = v.plus(new Verification((f[i] - a[i]) * (f[i] - a[i]), a[i], 1));
            }
        }
        return v;
    }

    private enum Quantity {
        GHI(WeatherSeries::ghiWPerM2, true),
        TEMPERATURE(WeatherSeries::temperatureC, false),
        WIND(WeatherSeries::windSpeedMsAt10m, false),
        CLOUD(WeatherSeries::cloudCover, false);

        private final Function<WeatherSeries, TimeSeries> series;
        /** Night slots would flatter an irradiance forecast: both are 0 there. */
        private final boolean daylightOnly;

        Quantity(Function<WeatherSeries, TimeSeries> series, boolean daylightOnly) {
            this.series = series;
            this.daylightOnly = daylightOnly;
        }

        TimeSeries of(WeatherSeries weather) {
            return series.apply(weather);
        }
    }

    /** Sums of squared errors and actual values over a number of slots. */
    private record Verification(double squaredErrors, double actuals, long slots) {

        static final Verification NONE = new Verification(0, 0, 0);

        Verification plus(Verification other) {
            return new Verification(squaredErrors + other.squaredErrors, actuals + other.actuals,
                    slots + other.slots);
        }

        double rmse() {
            return Math.sqrt(squaredErrors / slots);
        }

        double meanActual() {
            return actuals / slots;
        }
    }
}
