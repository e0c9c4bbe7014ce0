package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.ModelSpecs;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.feature.WeatherColumns;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.forecast.validation.Metrics;
import org.vpp.forecast.value.Season;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.TimeSeries;

class GradientBoostingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration HOUR = SyntheticSeries.HOUR;
    private static final List<Duration> DAY_AND_WEEK = List.of(Duration.ofDays(1), Duration.ofDays(7));

    /** Wind speed that wanders from hour to hour, known in advance: the weather forecast is perfect here. */
    private static double windAt(Instant t) {
        double h = t.getEpochSecond() / 3600.0;
        return 7 + 4 * Math.sin(h / 5.3) + 2 * Math.sin(h / 1.7 + 1);
    }

    /** A cubic power curve, rated 3 MW from 12 m/s. */
    private static double power(double wind) {
        return wind < 3 ? 0 : Math.min(3, 3 * Math.pow((wind - 3) / 9, 3));
    }

    private static final WeatherFeed PERFECT = new WeatherFeed() {
        @Override
        public WeatherColumns issued(Instant issuedAt, Instant from, Duration step, int count) {
            return columns(from, step, count);
        }

        @Override
        public WeatherColumns dayAhead(Instant from, Duration step, int count) {
            return columns(from, step, count);
        }

        private WeatherColumns columns(Instant from, Duration step, int count) {
            double[] wind = new double[count];
            for (int i = 0; i < count; i++) wind[i] = windAt(from.plus(step.multipliedBy(i)));
            return new WeatherColumns(new double[count], wind, new double[count]);
        }
    };

    private static TimeSeries windPower(int days) {
        double[] values = new double[days * 24];
        for (int i = 0; i < values.length; i++) values[i] = power(windAt(SyntheticSeries.START.plus(HOUR.multipliedBy(i))));
        return new TimeSeries(SyntheticSeries.START, HOUR, values);
    }

    @Test
    void learnsThePowerCurveFromTheWeatherForecastWhereLagsAloneCannot() {
        TimeSeries series = windPower(35);
        TimeSeries history = series.slice(0, 34 * 24);
        double[] actual = series.slice(34 * 24, 35 * 24).values();
        GradientBoosting withWeather = new GradientBoosting(DAY_AND_WEEK, BERLIN, Optional.empty(),
                Optional.of(PERFECT), 6, 0.05, 300);
        GradientBoosting lagsOnly = new GradientBoosting(DAY_AND_WEEK, BERLIN, Optional.empty(), Optional.empty(),
                6, 0.05, 300);

        double maeWeather = Metrics.mae(actual, withWeather.fit(history).predict(24));
        double maeLags = Metrics.mae(actual, lagsOnly.fit(history).predict(24));
        double maeNaive = Metrics.mae(actual, new SeasonalNaive(Season.DAILY).fit(history).predict(24));

        assertThat(maeWeather).isLessThan(0.1);
        assertThat(maeWeather).isLessThan(maeLags / 3).isLessThan(maeNaive / 3);
    }

    @Test
    void theSameHistoryGivesTheSameForecast() {
        TimeSeries history = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 28), 0.5, 2);
        GradientBoosting model = new GradientBoosting(DAY_AND_WEEK, BERLIN, Optional.empty(), Optional.empty(),
                6, 0.05, 300);

        assertThat(model.fit(history).predict(24)).containsExactly(model.fit(history).predict(24));
    }

    @Test
    void isRebuiltFromItsRecordedParametersWithTheSourcesWeather() {
        Source wind = new Source(SourceKind.WIND, BERLIN, Optional.empty(), Optional.of(PERFECT));
        GradientBoosting model = new GradientBoosting(DAY_AND_WEEK, BERLIN, Optional.empty(), Optional.of(PERFECT),
                4, 0.1, 150);

        assertThat(ModelSpecs.rebuild(wind, model.name(), model.parameters()).model())
                .isEqualTo(PhysicalBounds.around(model, wind));
    }

    @Test
    void aFitIsAdvancedToALaterHistoryWithoutTrainingAgainAndACombinationRefitsOnlyWhatMust() {
        TimeSeries series = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 30), 0.5, 4);
        TimeSeries history = series.slice(0, 28 * 24);
        TimeSeries later = series.slice(0, 29 * 24);
        GradientBoosting model = new GradientBoosting(DAY_AND_WEEK, BERLIN, Optional.empty(), Optional.empty(),
                4, 0.1, 150);
        FittedModel fitted = model.fit(history);

        assertThat(fitted.advancedTo(history).orElseThrow().predict(24)).containsExactly(fitted.predict(24));
        double[] advanced = fitted.advancedTo(later).orElseThrow().predict(24);
        assertThat(advanced).hasSize(24).isNotEqualTo(fitted.predict(24));
        assertThat(new SeasonalNaive(Season.DAILY).fit(history).advancedTo(later)).as("a naive model refits").isEmpty();

        MedianCombination pair = new MedianCombination(List.of(model, new SeasonalNaive(Season.DAILY)));
        double[] combined = pair.fit(history).advancedTo(later).orElseThrow().predict(24);
        double[] naive = new SeasonalNaive(Season.DAILY).fit(later).predict(24);
        for (int k = 0; k < 24; k++) {
            assertThat(combined[k]).isCloseTo((advanced[k] + naive[k]) / 2, org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
