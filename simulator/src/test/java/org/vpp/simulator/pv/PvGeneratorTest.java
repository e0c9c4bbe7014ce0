package org.vpp.simulator.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.weather.SolarGeometry;
import org.vpp.simulator.weather.WeatherGenerator;
import org.vpp.simulator.weather.WeatherSeries;
import org.vpp.simulator.weather.WeatherSite;

class PvGeneratorTest {

    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest(name = "latitude {0}, longitude {1}")
    @CsvSource({"0, 10", "38.7, -9.1", "50, 8", "64, 25", "-33.9, 18.4"})
    void pvIsZeroWhenTheSunIsBelowTheHorizonAndNeverExceedsItsRating(double lat, double lon) {
        WeatherSite location = WeatherSite.of(lat, lon);
        WeatherSeries weather = WeatherGenerator.generate(location, YEAR_START, Duration.ofHours(1), 8760, 1);
        PvSystem system = PvSystem.typical(2.0, 30, lat >= 0 ? 180 : 0);
        TimeSeries pv = PvGenerator.availablePowerMw(weather, system);

        int daylightHoursWithPower = 0;
        for (int i = 0; i < pv.size(); i++) {
            double power = pv.valueAt(i);
            assertThat(power).isBetween(0.0, 2.0);
            boolean sunUp = SolarGeometry.sunAtMidSlot(location, pv.timeAt(i), pv.step()).isAboveHorizon();
            if (!sunUp) {
                assertThat(power).as("PV at %s with the sun down", pv.timeAt(i)).isZero();
            } else if (power > 0) {
                daylightHoursWithPower++;
            }
        }
        assertThat(daylightHoursWithPower).isGreaterThan(3000);
        assertThat(pv.max()).as("a DC/AC ratio of 1.2 clips on clear days").isGreaterThan(1.6);
    }

    @Test
    void aCentralEuropeanPlantHasAPlausibleYield() {
        WeatherSeries weather = WeatherGenerator.generate(WeatherSite.of(51, 10), YEAR_START, Duration.ofHours(1), 8760,
                4);
        TimeSeries pv = PvGenerator.availablePowerMw(weather, PvSystem.typical(1.0, 35, 180));
        double fullLoadHours = pv.mean() * 8760;
        // Germany: ~900-1100 kWh per kWp a year; per kW of inverter (DC/AC 1.2) that is ~1000-1300 h.
        assertThat(fullLoadHours).isBetween(800.0, 1500.0);
    }

    @ParameterizedTest(name = "POA {0} W/m2 at {1} degC -> {2} MW")
    @CsvSource({
            "0,    25, 0",
            "-5,   25, 0",
            "1000, -40, 1.0",
            "500,  25, 0.4838"})
    void acPowerIsDeratedByHeatAndClippedByTheInverter(double poa, double air, double expectedMw) {
        PvSystem system = PvSystem.typical(1.0, 30, 180);
        assertThat(PvPower.acPowerMw(poa, air, system)).isCloseTo(expectedMw, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void hotCellsProduceLessThanCoolCells() {
        PvSystem unclipped = new PvSystem(1.0, 2.0, 30, 180, 45, -0.004, 0.0, 0.2);
        assertThat(PvPower.acPowerMw(800, 35, unclipped)).isLessThan(PvPower.acPowerMw(800, 5, unclipped));
        // 800 W/m2 at 20 degC air is NOCT: the cell sits at 45 degC, 20 K over STC, -8 %.
        assertThat(PvPower.acPowerMw(800, 20, unclipped)).isCloseTo(0.8 * 0.92, org.assertj.core.api.Assertions.within(1e-9));
    }
}
