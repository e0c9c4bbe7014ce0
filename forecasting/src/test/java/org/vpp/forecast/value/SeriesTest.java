package org.vpp.forecast.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void slicingKeepsTheTimestampsOfTheValues() {
        Series series = new Series(START, Duration.ofMinutes(15), new double[] {1, 2, 3, 4, 5});

        Series slice = series.slice(2, 4);

        assertThat(slice.start()).isEqualTo(Instant.parse("2024-01-01T00:30:00Z"));
        assertThat(slice.values()).containsExactly(3, 4);
        assertThat(slice.end()).isEqualTo(series.timeAt(4));
    }

    @Test
    void changingTheArrayGivenOrReturnedDoesNotChangeTheSeries() {
        double[] values = {1, 2, 3};
        Series series = new Series(START, Duration.ofHours(1), values);

        values[0] = 99;
        series.values()[1] = 99;

        assertThat(series.values()).containsExactly(1, 2, 3);
    }

    @Test
    void seasonLengthFollowsTheStep() {
        assertThat(Season.DAILY.length(Duration.ofMinutes(15))).isEqualTo(96);
        assertThat(Season.DAILY.length(Duration.ofHours(1))).isEqualTo(24);
        assertThat(Season.WEEKLY.length(Duration.ofHours(1))).isEqualTo(168);
    }

    @Test
    void refusesAStepThatDoesNotDivideTheSeason() {
        assertThatThrownBy(() -> Season.DAILY.length(Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPvSourceNeedsItsSite() {
        assertThatThrownBy(() -> Source.of(SourceKind.PV, java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site");
    }
}
