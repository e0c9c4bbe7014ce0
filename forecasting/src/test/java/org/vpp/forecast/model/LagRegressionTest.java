package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.forecast.SyntheticSeries.HOUR;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class LagRegressionTest {

    private static final LagRegression YESTERDAY_AND_LAST_WEEK = new LagRegression(
            List.of(Duration.ofDays(1), Duration.ofDays(7)), ZoneOffset.UTC, Optional.empty(), LagRegression.DEFAULT_RIDGE);

    @Test
    void recoversALinearDependencyOnTheHourOfDay() {
        TimeSeries history = SyntheticSeries.withNoise(SyntheticSeries.daily(HOUR, 28, hour -> 5 + 0.5 * hour), 0.2, 7);

        double[] forecast = YESTERDAY_AND_LAST_WEEK.fit(history).predict(24);

        for (int hour = 0; hour < 24; hour++) {
            assertThat(forecast[hour]).as("hour %d", hour).isCloseTo(5 + 0.5 * hour, within(0.25));
        }
    }

    @Test
    void forecastsANoiselessWeeklyPatternExactlyDespiteCollinearColumns() {
        TimeSeries series = SyntheticSeries.weekly(HOUR, 28);
        TimeSeries history = series.slice(0, 27 * 24);

        double[] forecast = YESTERDAY_AND_LAST_WEEK.fit(history).predict(24);

        assertThat(forecast).containsExactly(series.slice(27 * 24, 28 * 24).values(), within(0.05));
    }

    @Test
    void refusesAHorizonLongerThanItsShortestLag() {
        TimeSeries history = SyntheticSeries.weekly(HOUR, 14);

        assertThatThrownBy(() -> YESTERDAY_AND_LAST_WEEK.fit(history).predict(25))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void horizonSafeLagsReachPastTheHorizon() {
        assertThat(LagRegression.horizonSafeLags(Duration.ofMinutes(15), 96, Season.DAILY, Season.WEEKLY))
                .containsExactly(Duration.ofDays(1), Duration.ofDays(7));
        assertThat(LagRegression.horizonSafeLags(Duration.ofHours(1), 96, Season.DAILY, Season.WEEKLY))
                .containsExactly(Duration.ofDays(4), Duration.ofDays(7));
    }
}
