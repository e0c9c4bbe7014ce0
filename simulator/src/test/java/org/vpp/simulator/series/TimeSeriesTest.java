package org.vpp.simulator.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void isImmutableThroughDefensiveCopies() {
        double[] values = {1, 2, 3};
        TimeSeries series = new TimeSeries(START, Duration.ofHours(1), values, Unit.MW);
        values[0] = 99;
        series.values()[1] = 99;
        assertThat(series.values()).containsExactly(1, 2, 3);
    }

    @Test
    void findsTheSlotHoldingAnInstant() {
        TimeSeries series = new TimeSeries(START, Duration.ofHours(1), new double[] {1, 2, 3}, Unit.MW);
        assertThat(series.valueAt(START.plusSeconds(3600 + 1800))).isEqualTo(2);
        assertThat(series.indexOf(series.end())).isEmpty();
        assertThatThrownBy(() -> series.valueAt(START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsKilowattsAndCentsToTheCanonicalUnit() {
        TimeSeries kw = new TimeSeries(START, Duration.ofHours(1), new double[] {1500}, Unit.KW);
        TimeSeries cents = new TimeSeries(START, Duration.ofHours(1), new double[] {8.5}, Unit.CT_PER_KWH);
        assertThat(kw.inCanonicalUnit().valueAt(0)).isEqualTo(1.5);
        assertThat(kw.inCanonicalUnit().unit()).isEqualTo(Unit.MW);
        assertThat(cents.inCanonicalUnit().valueAt(0)).isEqualTo(85.0);
    }
}
