package org.vpp.simulator.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;

class ResamplingTest {

    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Test
    void pricesAreHeldOverTheQuartersOfTheirHour() {
        TimeSeries quarters = Resampling.resample(new TimeSeries(START, HOUR, new double[] {80, -4}),
                Unit.EUR_PER_MWH, QUARTER);
        assertThat(quarters.step()).isEqualTo(QUARTER);
        assertThat(quarters.start()).isEqualTo(START);
        assertThat(quarters.values()).containsExactly(80, 80, 80, 80, -4, -4, -4, -4);
    }

    @Test
    void energyIsSpreadEvenlyOverTheQuartersOfItsHour() {
        TimeSeries quarters = Resampling.resample(new TimeSeries(START, HOUR, new double[] {4, 2}), Unit.MWH, QUARTER);
        assertThat(quarters.values()).containsExactly(1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5);
    }

    @Test
    void quartersAverageIntoHoursForPowerAndAddUpForEnergy() {
        TimeSeries quarters = new TimeSeries(START, QUARTER, new double[] {1, 2, 3, 6, 0, 0, 0, 4});
        assertThat(Resampling.resample(quarters, Unit.MW, HOUR).values()).containsExactly(3, 1);
        assertThat(Resampling.resample(quarters, Unit.MWH, HOUR).values()).containsExactly(12, 4);
    }

    @Test
    void theSameStepChangesNothing() {
        TimeSeries series = new TimeSeries(START, HOUR, new double[] {1});
        assertThat(Resampling.resample(series, Unit.MW, HOUR)).isSameAs(series);
    }

    @Test
    void stepsThatAreNotWholeMultiplesAreRefused() {
        TimeSeries quarters = new TimeSeries(START, QUARTER, new double[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Resampling.resample(quarters, Unit.MW, Duration.ofMinutes(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot resample from PT15M to PT20M: one must be a whole multiple of the other");
        assertThatThrownBy(() -> Resampling.resample(quarters.slice(0, 3), Unit.MW, HOUR))
                .hasMessageContaining("the last 3 do not make a whole slot");
    }

    @Test
    void describesWhatItDoes() {
        assertThat(Resampling.describe(Unit.EUR_PER_MWH, HOUR, QUARTER))
                .isEqualTo("resampled from PT1H to PT15M: EUR/MWh held over slots of PT15M");
        assertThat(Resampling.describe(Unit.KWH.canonical(), QUARTER, HOUR))
                .isEqualTo("resampled from PT15M to PT1H: MWh summed into slots of PT1H");
    }
}
