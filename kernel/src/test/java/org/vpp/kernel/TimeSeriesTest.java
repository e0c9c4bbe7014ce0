package org.vpp.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void changingTheArrayGivenOrReturnedDoesNotChangeTheSeries() {
        double[] values = {1, 2, 3};
        TimeSeries series = new TimeSeries(START, Duration.ofHours(1), values);

        values[0] = 99;
        series.values()[1] = 99;

        assertThat(series.values()).containsExactly(1, 2, 3);
    }

    @Test
    void slicingKeepsTheTimestampsOfTheValues() {
        TimeSeries series = new TimeSeries(START, Duration.ofMinutes(15), new double[] {1, 2, 3, 4, 5});

        TimeSeries slice = series.slice(2, 4);

        assertThat(slice.start()).isEqualTo(Instant.parse("2024-01-01T00:30:00Z"));
        assertThat(slice.values()).containsExactly(3, 4);
        assertThat(slice.end()).isEqualTo(series.timeAt(4));
    }

    @Test
    void findsTheSlotHoldingAnInstantAndRefusesInstantsOutsideIt() {
        TimeSeries series = new TimeSeries(START, Duration.ofHours(1), new double[] {1, 2, 3});

        assertThat(series.valueAt(START.plusSeconds(3600 + 1800))).isEqualTo(2);
        assertThat(series.indexOf(series.end())).isEmpty();
        assertThat(series.indexOf(START)).hasValue(0);
        assertThatThrownBy(() -> series.valueAt(START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsTheStepsOfAPeriodAndRefusesAPeriodThatIsNoWholeNumberOfSteps() {
        TimeSeries quarterHours = new TimeSeries(START, Duration.ofMinutes(15), new double[0]);

        assertThat(quarterHours.stepsPer(Duration.ofDays(1))).isEqualTo(96);
        assertThatThrownBy(() -> quarterHours.stepsPer(Duration.ofMinutes(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsValuesAndSummarisesThem() {
        TimeSeries series = new TimeSeries(START, Duration.ofHours(1), new double[] {1, 2, 6}).map(v -> -v);

        assertThat(series.values()).containsExactly(-1, -2, -6);
        assertThat(series.mean()).isEqualTo(-3);
        assertThat(series.min()).isEqualTo(-6);
        assertThat(series.max()).isEqualTo(-1);
        assertThat(series.start()).isEqualTo(START);
    }

    @Test
    void refusesAStepThatIsNotPositive() {
        assertThatThrownBy(() -> new TimeSeries(START, Duration.ZERO, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSeriesWithTheSameGridAndValuesAreEqual() {
        assertThat(new TimeSeries(START, Duration.ofHours(1), new double[] {1, 2}))
                .isEqualTo(new TimeSeries(START, Duration.ofHours(1), new double[] {1, 2}))
                .isNotEqualTo(new TimeSeries(START, Duration.ofHours(1), new double[] {1, 3}));
    }
}
