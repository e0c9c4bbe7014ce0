package org.vpp.query.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ForecastHistoryTest {

    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(15);

    @Test
    void theSeriesStartsAtTheFirstSlotWithReadings() {
        var series = ForecastHistory.fillGaps(FROM, STEP, new double[]{0, 0, 1.5, 2.5}, new boolean[]{false, false, true, true})
                .orElseThrow();
        assertThat(series.series().start()).isEqualTo(FROM.plus(STEP.multipliedBy(2)));
        assertThat(series.series().values()).containsExactly(1.5, 2.5);
        assertThat(series.filledSlots()).isZero();
        assertThat(series.series().end()).isEqualTo(FROM.plus(STEP.multipliedBy(4)));
    }

    @Test
    void gapsTakeThePreviousValueAndAreCounted() {
        var series = ForecastHistory.fillGaps(FROM, STEP, new double[]{1, 0, 0, 4, 5}, new boolean[]{true, false, false, true, true})
                .orElseThrow();
        assertThat(series.series().values()).containsExactly(1, 1, 1, 4, 5);
        assertThat(series.filledSlots()).isEqualTo(2);
    }

    @Test
    void theSeriesEndsWhereTheReadingsStop() {
        var series = ForecastHistory.fillGaps(FROM, STEP, new double[]{1, 2, 0, 0}, new boolean[]{true, true, false, false})
                .orElseThrow();
        assertThat(series.series().values()).containsExactly(1, 2);
        assertThat(series.series().end()).isEqualTo(FROM.plus(STEP.multipliedBy(2)));
    }

    @Test
    void noReadingsNoSeries() {
        assertThat(ForecastHistory.fillGaps(FROM, STEP, new double[3], new boolean[3])).isEmpty();
    }
}
