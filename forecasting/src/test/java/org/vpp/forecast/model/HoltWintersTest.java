package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

class HoltWintersTest {

    private static double trendAndSeason(int t) {
        return 50 + 0.3 * t + SyntheticSeries.dailyLoad(t % 24);
    }

    private static TimeSeries trendAndSeason(int from, int to) {
        double[] values = new double[to - from];
        for (int t = from; t < to; t++) {
            values[t - from] = trendAndSeason(t);
        }
        return new TimeSeries(SyntheticSeries.START.plus(Duration.ofHours(from)), SyntheticSeries.HOUR, values);
    }

    @ParameterizedTest(name = "alpha {0}, beta {1}, gamma {2}")
    @CsvSource({"0.2, 0.1, 0.2", "0.8, 0.5, 0.5", "0.05, 0.01, 0.05"})
    void recoversALinearTrendPlusSeasonWhateverTheSmoothing(double alpha, double beta, double gamma) {
        TimeSeries history = trendAndSeason(0, 10 * 24 + 5);

        double[] forecast = new HoltWinters(alpha, beta, gamma, 1.0, Season.DAILY).fit(history).predict(48);

        assertThat(forecast).containsExactly(trendAndSeason(history.size(), history.size() + 48).values(), within(1e-9));
    }

    @ParameterizedTest(name = "phi {0}")
    @CsvSource({"0.0", "0.9"})
    void aDampedOrSwitchedOffTrendFlattensTheForecast(double phi) {
        TimeSeries history = trendAndSeason(0, 10 * 24);
        double[] forecast = new HoltWinters(0.5, 0.1, 0.2, phi, Season.DAILY).fit(history).predict(24 * 20);

        double growthOverFirstDay = forecast[24] - forecast[0];
        double growthOverLastDay = forecast[forecast.length - 1] - forecast[forecast.length - 25];

        assertThat(growthOverLastDay).isLessThan(growthOverFirstDay + 1e-9).isLessThan(0.3 * 24);
    }
}
