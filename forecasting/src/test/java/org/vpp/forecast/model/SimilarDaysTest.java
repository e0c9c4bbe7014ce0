package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.forecast.SyntheticSeries.HOUR;
import static org.vpp.forecast.SyntheticSeries.QUARTER_HOUR;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.model.SimilarDays.Level;
import org.vpp.forecast.model.SimilarDays.Pooling;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class SimilarDaysTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static SimilarDays model(int days, Pooling pooling) {
        return new SimilarDays(days, pooling, Level.NONE, UTC);
    }

    @Test
    void forecastsAPureWeeklySeriesExactlyAcrossTheWeekendFromAnOriginInTheDay() {
        TimeSeries series = SyntheticSeries.weekly(HOUR, 35);
        // Thursday 17:00 of the fourth week: the forecast runs through Saturday and Sunday into Monday.
        TimeSeries history = series.slice(0, 24 * 24 + 17);
        TimeSeries future = series.slice(history.size(), history.size() + 4 * 24);

        for (Pooling pooling : Pooling.values()) {
            for (Level level : Level.values()) {
                // Every week of a pure weekly series has the same mean, so the level changes nothing, including for a
                // like day that is the origin's own day, whose week is still running.
                double[] forecast = new SimilarDays(3, pooling, level, UTC).fit(history).predict(4 * 24);
                assertThat(forecast).as(pooling + " " + level).containsExactly(future.values(), within(1e-9));
            }
        }
    }

    @Test
    void theMeanOfTenWorkingDaysHasLessNoiseThanLastWeek() {
        TimeSeries series = SyntheticSeries.withNoise(SyntheticSeries.weekly(QUARTER_HOUR, 70), 1.0, 11);
        double similar = 0;
        double naive = 0;
        // Fourteen daily origins at midnight, each forecast a day ahead, as the benchmark does.
        for (int origin = 42; origin < 56; origin++) {
            TimeSeries history = series.slice(0, origin * 96);
            double[] actual = series.slice(origin * 96, origin * 96 + 96).values();
            similar += meanAbsoluteError(model(10, Pooling.WORKDAYS).fit(history).predict(96), actual);
            naive += meanAbsoluteError(new SeasonalNaive(Season.WEEKLY).fit(history)
                    .predict(96), actual);
        }
        // Independent noise: last week's value errs by sqrt(2) sigma, a mean of ten by sqrt(1.1) sigma.
        assertThat(similar / naive).isBetween(0.66, 0.82);
    }

    @Test
    void aPublicHolidayIsForecastFromRestDaysAndIsNoWorkingDaysLikeDay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2024-10-03, German Unity Day, a Thursday; the series starts at local midnight of Sunday 1 September.
        Instant start = Instant.parse("2024-08-31T22:00:00Z");
        double[] values = new double[40 * 24];
        for (int i = 0; i < values.length; i++) {
            ZonedDateTime local = start.plus(Duration.ofHours(i)).atZone(berlin);
            boolean rest = local.getDayOfWeek() == DayOfWeek.SUNDAY
                    || local.toLocalDate().equals(LocalDate.of(2024, 10, 3));
            values[i] = rest ? 3 : 10 + local.getHour();
        }
        TimeSeries series = new TimeSeries(start, HOUR, values);
        SimilarDays twoThursdays = new SimilarDays(2, Pooling.SAME_WEEKDAY, Level.NONE, berlin);

        TimeSeries beforeTheHoliday = series.slice(0, 32 * 24);
        assertThat(beforeTheHoliday.end()).isEqualTo(Instant.parse("2024-10-02T22:00:00Z"));
        assertThat(twoThursdays.fit(beforeTheHoliday).predict(24)).containsOnly(3.0);

        double[] nextThursday = twoThursdays.fit(series.slice(0, 39 * 24)).predict(24);
        assertThat(nextThursday[12]).isEqualTo(22.0);
    }

    @Test
    void aLoadThatGrowsIsForecastAtItsLastWeeksLevel() {
        // The weekly pattern, 2 % more each week: six weeks of like days lag three weeks behind unless rescaled.
        TimeSeries flat = SyntheticSeries.weekly(QUARTER_HOUR, 56);
        double[] values = flat.values();
        for (int i = 0; i < values.length; i++) values[i] *= 1 + 0.02 * i / (7 * 96.0);
        TimeSeries series = new TimeSeries(flat.start(), flat.step(), values);
        TimeSeries history = series.slice(0, 51 * 96);
        double[] actual = series.slice(51 * 96, 52 * 96).values();

        double asItWas = meanAbsoluteError(new SimilarDays(6, Pooling.SAME_WEEKDAY, Level.NONE, UTC).fit(history)
                .predict(96), actual);
        double rescaled = meanAbsoluteError(new SimilarDays(6, Pooling.SAME_WEEKDAY, Level.RATIO, UTC).fit(history)
                .predict(96), actual);

        assertThat(asItWas).isGreaterThan(0.5);
        assertThat(rescaled).isLessThan(asItWas / 5);
    }

    @Test
    void refusesAnAbsurdNumberOfDays() {
        assertThatThrownBy(() -> model(0, Pooling.WORKDAYS)).hasMessageContaining("1..60");
        assertThatThrownBy(() -> model(61, Pooling.WORKDAYS)).hasMessageContaining("1..60");
    }

    @Test
    void refusesAHistoryShorterThanAWeekAndADayOrTwoWeeksAndADayForALevel() {
        TimeSeries series = SyntheticSeries.weekly(HOUR, 14);
        assertThatThrownBy(() -> model(3, Pooling.WORKDAYS).fit(series.slice(0, 191))).hasMessageContaining("192 steps");
        assertThatThrownBy(() -> new SimilarDays(3, Pooling.WORKDAYS, Level.RATIO, UTC).fit(series))
                .hasMessageContaining("360 steps");
    }

    private static double meanAbsoluteError(double[] forecast, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) sum += Math.abs(forecast[i] - actual[i]);
        return sum / actual.length;
    }
}
