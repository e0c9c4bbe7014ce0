package org.vpp.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vpp.forecast.SyntheticSeries.HOUR;
import static org.vpp.forecast.SyntheticSeries.QUARTER_HOUR;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.feature.SiteClearSky;
import org.vpp.forecast.model.SeasonalNaive;
import org.vpp.forecast.validation.CvConfig;
import org.vpp.forecast.validation.Metrics;
import org.vpp.forecast.value.Forecast;
import org.vpp.forecast.value.Horizon;
import org.vpp.forecast.value.Season;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TimeSeries;

class ForecasterTest {

    private static final Forecaster FORECASTER = new Forecaster(() -> 0L);
    private static final Source LOAD = Source.of(SourceKind.LOAD, ZoneOffset.UTC);
    private static final GeoLocation BERLIN = new GeoLocation(52.52, 13.40);

    @Test
    void theSelectedModelBeatsSeasonalNaiveOnHeldOutDaysOfANoisySeasonalSeries() {
        TimeSeries all = SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 42), 1.0, 2024);
        int heldOutFrom = 35 * 24;
        Horizon day = new Horizon(24);

        TrainingResult result = FORECASTER.train(LOAD, all.slice(0, heldOutFrom), day, CvConfig.DEFAULT);

        assertThat(result.selected().name()).isNotEqualTo(SeasonalNaive.NAME);
        TrainedModelSpec naive = new TrainedModelSpec(LOAD, new SeasonalNaive(Season.DAILY));
        double selectedError = 0;
        double naiveError = 0;
        for (int origin = heldOutFrom; origin < all.size(); origin += 24) {
            TimeSeries history = all.slice(0, origin);
            double[] actual = all.slice(origin, origin + 24).values();
            selectedError += Metrics.mae(actual, Forecaster.forecast(result.selected(), history, day, history.end()).values());
            naiveError += Metrics.mae(actual, Forecaster.forecast(naive, history, day, history.end()).values());
        }
        assertThat(selectedError).isLessThan(0.8 * naiveError);
        assertThat(result.improvementOverBaselinePercent()).hasValueSatisfying(percent -> assertThat(percent).isPositive());
    }

    @Test
    void forecastsTheDayAheadQuarterHoursFromTheEndOfTheHistory() {
        TimeSeries history = SyntheticSeries.withNoise(SyntheticSeries.weekly(QUARTER_HOUR, 21), 0.5, 1);
        Horizon horizon = Horizon.DAY_AHEAD_QUARTER_HOURS;

        TrainingResult result = FORECASTER.train(LOAD, history, horizon, CvConfig.DEFAULT.withFolds(2));
        Forecast forecast = Forecaster.forecast(result.selected(), history, horizon, history.end().plusSeconds(60));

        assertThat(forecast.values()).hasSize(96);
        assertThat(forecast.origin()).isEqualTo(history.end());
        assertThat(forecast.issuedAt()).isEqualTo(history.end().plusSeconds(60));
        assertThat(forecast.model()).isEqualTo(result.selected().name());
        assertThat(forecast.parameters()).isEqualTo(result.selected().parameters());
        assertThat(result.selection().scored()).as("the first fold tunes, the second selects")
                .allSatisfy(candidate -> assertThat(candidate.folds()).hasSize(1));
        assertThat(result.selection().best().folds()).hasSize(1);
        assertThat(forecast.band()).as("a band from the residuals").hasValueSatisfying(band -> {
            assertThat(band.size()).isEqualTo(96);
            for (int k = 0; k < 96; k++) {
                assertThat(band.p10()[k]).isLessThanOrEqualTo(band.p50()[k]);
                assertThat(band.p50()[k]).isLessThanOrEqualTo(band.p90()[k]);
            }
        });
    }

    @Test
    void aThirtyStepHorizonWorksToo() {
        TimeSeries history = SyntheticSeries.withNoise(SyntheticSeries.weekly(QUARTER_HOUR, 14), 0.5, 1);
        Horizon thirty = new Horizon(30);

        TrainingResult result = FORECASTER.train(LOAD, history, thirty, CvConfig.DEFAULT.withFolds(3));

        assertThat(Forecaster.forecast(result.selected(), history, thirty, history.end()).values()).hasSize(30);
        assertThat(result.selection().scored()).allSatisfy(candidate ->
                assertThat(candidate.folds()).allSatisfy(fold -> assertThat(fold.scores().mae()).isFinite()));
    }

    @Test
    void pvForecastIsZeroAtNightAndNeverNegative() {
        Source pv = Source.pv(BERLIN, ZoneId.of("Europe/Berlin"));
        TimeSeries history = syntheticPv(14);
        Horizon horizon = Horizon.DAY_AHEAD_QUARTER_HOURS;

        TrainingResult result = FORECASTER.train(pv, history, horizon, CvConfig.DEFAULT.withFolds(2));
        double[] forecast = Forecaster.forecast(result.selected(), history, horizon, history.end()).values();
        double[] sky = new SiteClearSky(BERLIN).intervalMeans(history.end(), QUARTER_HOUR, 96);

        assertThat(java.util.Arrays.stream(forecast).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        for (int k = 0; k < 96; k++) {
            if (sky[k] == 0) {
                assertThat(forecast[k]).as("step %d is dark", k).isZero();
            }
        }
        assertThat(forecast[0]).as("midnight UTC").isZero();
        assertThat(forecast[48]).as("noon UTC").isPositive();
    }

    @Test
    void refusesAHistoryThatRunsPastTheIssueInstant() {
        TimeSeries history = SyntheticSeries.daily(HOUR, 3, SyntheticSeries::dailyLoad);
        TrainedModelSpec naive = new TrainedModelSpec(LOAD, new SeasonalNaive(Season.DAILY));

        assertThatThrownBy(() -> Forecaster.forecast(naive, history, new Horizon(24), history.end().minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingManySourcesInParallelGivesTheSameResultsAsOneByOne() {
        List<TimeSeries> histories = IntStream.range(0, 4)
                .mapToObj(seed -> SyntheticSeries.withNoise(SyntheticSeries.weekly(HOUR, 21), 0.7, seed)).toList();
        Horizon day = new Horizon(24);

        List<TrainingResult> sequential = histories.stream()
                .map(history -> FORECASTER.train(LOAD, history, day, CvConfig.DEFAULT)).toList();
        List<TrainingResult> parallel = histories.parallelStream()
                .map(history -> FORECASTER.train(LOAD, history, day, CvConfig.DEFAULT)).toList();

        assertThat(parallel).isEqualTo(sequential);
    }

    /** 80 % of clear-sky irradiance (W/m² read as kW of a 1 kWp array) times seeded cloudiness per day. */
    private static TimeSeries syntheticPv(int days) {
        Duration step = QUARTER_HOUR;
        double[] sky = new SiteClearSky(BERLIN).intervalMeans(SyntheticSeries.START, step, days * 96);
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[sky.length];
        double cloudiness = 1;
        for (int i = 0; i < values.length; i++) {
            if (i % 96 == 0) {
                cloudiness = 0.5 + 0.5 * random.nextDouble();
            }
            values[i] = 0.8 * sky[i] / 1000 * cloudiness;
        }
        return new TimeSeries(SyntheticSeries.START, step, values);
    }
}
