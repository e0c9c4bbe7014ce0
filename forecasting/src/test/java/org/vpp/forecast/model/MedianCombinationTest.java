package org.vpp.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vpp.forecast.ModelSpecs;
import org.vpp.forecast.SyntheticSeries;
import org.vpp.forecast.value.Season;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.TimeSeries;

class MedianCombinationTest {

    private static final Source LOAD = Source.of(SourceKind.LOAD, java.time.ZoneId.of("Europe/Berlin"));

    /** A model that forecasts one constant, to make the median visible. */
    private record Constant(double value) implements ForecastModel {
        public String name() { return "constant"; }
        public Map<String, String> parameters() { return Map.of("value", Double.toString(value)); }
        public int complexity() { return 0; }
        public int minimumHistory(Duration step) { return 1; }
        public FittedModel fit(TimeSeries history) { return steps -> new double[steps]; }
    }

    @Test
    void forecastsTheMedianOfItsMembersStepByStep() {
        TimeSeries history = SyntheticSeries.weekly(SyntheticSeries.HOUR, 14);
        ForecastModel daily = new SeasonalNaive(Season.DAILY);
        ForecastModel weekly = new SeasonalNaive(Season.WEEKLY);
        ForecastModel persistence = new Persistence();

        double[] median = new MedianCombination(List.of(daily, weekly, persistence)).fit(history).predict(24);

        double[] a = daily.fit(history).predict(24);
        double[] b = weekly.fit(history).predict(24);
        double[] c = persistence.fit(history).predict(24);
        for (int k = 0; k < 24; k++) {
            double[] three = {a[k], b[k], c[k]};
            java.util.Arrays.sort(three);
            assertThat(median[k]).isEqualTo(three[1]);
        }
    }

    @Test
    void withTwoMembersItIsTheirMean() {
        TimeSeries history = SyntheticSeries.weekly(SyntheticSeries.HOUR, 14);
        double[] forecast = new MedianCombination(List.of(new Persistence(), new Constant(0))).fit(history).predict(3);

        double last = history.values()[history.size() - 1];
        assertThat(forecast).containsExactly(last / 2, last / 2, last / 2);
    }

    @Test
    void isRebuiltFromItsRecordedParameters() {
        MedianCombination combination = new MedianCombination(List.of(new SeasonalNaive(Season.WEEKLY),
                new HoltWinters(0.2, 0.01, 0.2, 0.9, Season.DAILY), new Persistence()));

        var rebuilt = ModelSpecs.rebuild(LOAD, combination.name(), combination.parameters());

        assertThat(rebuilt.model()).isEqualTo(combination);
    }
}
