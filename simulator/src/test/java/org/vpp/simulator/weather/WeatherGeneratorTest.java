package org.vpp.simulator.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WeatherGeneratorTest {

    private static final WeatherSite KASSEL = WeatherSite.of(51.3, 9.5);
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void summerNoonSunAtFiftyNorthIsHighButIrradianceStaysBelowTheClearSkyCeiling() {
        SunPosition noon = SolarGeometry.sunAt(WeatherSite.of(50, 0), Instant.parse("2025-06-21T12:00:00Z"));
        assertThat(noon.zenithDeg()).isBetween(26.0, 27.5);
        WeatherSeries june = WeatherGenerator.generate(WeatherSite.of(50, 8), Instant.parse("2025-06-01T00:00:00Z"),
                Duration.ofMinutes(15), 30 * 96, 3);
        assertThat(june.ghiWPerM2().max()).isBetween(700.0, 1100.0);
    }

    @Test
    void aYearOfWeatherIsPlausible() {
        WeatherSeries year = WeatherGenerator.generate(KASSEL, YEAR_START, Duration.ofHours(1), 8760, 11);
        assertThat(year.ghiWPerM2().min()).isZero();
        // Annual mean GHI in central Germany is about 115-130 W/m2 (1000-1150 kWh/m2/a).
        assertThat(year.ghiWPerM2().mean()).isBetween(85.0, 150.0);
        assertThat(year.temperatureC().mean()).isBetween(6.0, 13.0);
        assertThat(year.temperatureC().min()).isBetween(-25.0, 0.0);
        assertThat(year.temperatureC().max()).isBetween(25.0, 40.0);
        assertThat(year.windSpeedMsAt10m().min()).isGreaterThanOrEqualTo(0);
        assertThat(year.windSpeedMsAt10m().mean()).isBetween(3.0, 6.0);
        assertThat(year.cloudCover().min()).isGreaterThanOrEqualTo(0);
        assertThat(year.cloudCover().max()).isLessThanOrEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameWeatherAndAnotherSeedDifferentWeather() {
        WeatherSeries a = WeatherGenerator.generate(KASSEL, YEAR_START, Duration.ofHours(1), 500, 5);
        WeatherSeries b = WeatherGenerator.generate(KASSEL, YEAR_START, Duration.ofHours(1), 500, 5);
        WeatherSeries c = WeatherGenerator.generate(KASSEL, YEAR_START, Duration.ofHours(1), 500, 6);
        assertThat(a).isEqualTo(b);
        assertThat(c.windSpeedMsAt10m()).isNotEqualTo(a.windSpeedMsAt10m());
        assertThat(c.ghiWPerM2()).isNotEqualTo(a.ghiWPerM2());
    }
}
