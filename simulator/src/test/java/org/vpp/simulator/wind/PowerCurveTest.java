package org.vpp.simulator.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.weather.WeatherGenerator;
import org.vpp.simulator.weather.WeatherSite;

class PowerCurveTest {

    private static final PowerCurve CURVE = new PowerCurve(3, 12, 25, 4.0);

    @ParameterizedTest(name = "{0} m/s -> {1} MW")
    @CsvSource({
            "0,     0",
            "2.99,  0",
            "3,     0",
            "7.5,   0.9286",
            "11.99, 3.9897",
            "12,    4",
            "20,    4",
            "24.99, 4",
            "25,    0",
            "40,    0"})
    void thePowerCurveHonoursCutInRatedAndCutOut(double speedMs, double expectedMw) {
        assertThat(CURVE.powerMw(speedMs)).isCloseTo(expectedMw, within(1e-3));
    }

    @Test
    void powerRisesMonotonicallyBetweenCutInAndRated() {
        double previous = 0;
        for (double v = 3; v <= 12; v += 0.1) {
            double p = CURVE.powerMw(v);
            assertThat(p).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    @Test
    void windIsFasterAtHubHeight() {
        assertThat(WindPower.speedAtHeightMs(5, 10, 100, 1.0 / 7)).isCloseTo(6.95, within(0.01));
    }

    @Test
    void anOnshoreTurbineHasAPlausibleCapacityFactor() {
        TimeSeries wind = WindGenerator.availablePowerMw(
                WeatherGenerator.generate(WeatherSite.of(53.5, 9), Instant.parse("2025-01-01T00:00:00Z"),
                        Duration.ofHours(1), 8760, 2),
                PowerCurve.onshore(3.0), 120, 1);
        assertThat(wind.max()).isLessThanOrEqualTo(3.0);
        assertThat(wind.min()).isGreaterThanOrEqualTo(0);
        assertThat(wind.mean() / 3.0).isBetween(0.15, 0.45);
    }
}
