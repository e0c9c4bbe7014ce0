package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.forecast.SyntheticSeries.HOUR;
import static org.vpp.forecast.SyntheticSeries.QUARTER_HOUR;

import org.junit.jupiter.api.Test;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class SeasonalNaiveTest {

    @Test
    void forecastsAPureDailySeriesExactly() {
        TimeSeries series = SyntheticSeries.daily(QUARTER_HOUR, 6, SyntheticSeries::dailyLoad);
        TimeSeries history = series.slice(0, 4 * 96 + 17);
        TimeSeries future = series.slice(history.size(), history.size() + 96);

        double[] forecast = new SeasonalNaive(Season.DAILY).fit(history).predict(96);

        assertThat(forecast).containsExactly(future.values());
    }

    @Test
    void forecastsAPureWeeklySeriesExactlyAcrossTheWeekend() {
        TimeSeries series = SyntheticSeries.weekly(HOUR, 28);
        TimeSeries history = series.slice(0, 14 * 24 + 3 * 24);
        TimeSeries future = series.slice(history.size(), history.size() + 5 * 24);

        double[] forecast = new SeasonalNaive(Season.WEEKLY).fit(history).predict(5 * 24);

        assertThat(forecast).containsExactly(future.values());
    }

    @Test
    void dailySeasonalNaiveMissesTheWeekendThatWeeklyCatches() {
        TimeSeries series = SyntheticSeries.weekly(HOUR, 21);
        TimeSeries history = series.slice(0, 14 * 24 + 5 * 24);
        double[] saturday = series.slice(history.size(), history.size() + 24).values();

        assertThat(new SeasonalNaive(Season.DAILY).fit(history).predict(24)).isNotEqualTo(saturday);
        assertThat(new SeasonalNaive(Season.WEEKLY).fit(history).predict(24)).containsExactly(saturday);
    }
}
