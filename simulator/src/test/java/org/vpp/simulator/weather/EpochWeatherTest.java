package org.vpp.simulator.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochWeatherTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final WeatherSite BERLIN = WeatherSite.of(52.5, 13.4);
    private static final Instant SUNDAY_NOON = Instant.parse("2025-06-15T12:00:00Z");

    @Test
    void anyWindowReadsTheSameWeatherAcrossWeeksAndInstances() {
        EpochWeather weather = new EpochWeather(BERLIN, QUARTER, 42);
        // Two days from Sunday noon: across the block boundary at Monday 00:00 UTC.
        WeatherSeries wide = weather.window(SUNDAY_NOON, 192);
        WeatherSeries later = new EpochWeather(BERLIN, QUARTER, 42).window(SUNDAY_NOON.plus(Duration.ofHours(10)), 100);

        assertThat(wide.ghiWPerM2().start()).isEqualTo(SUNDAY_NOON);
        assertThat(later.windSpeedMsAt10m().values()).containsExactly(wide.slice(40, 140).windSpeedMsAt10m().values());
        assertThat(later.ghiWPerM2().values()).containsExactly(wide.slice(40, 140).ghiWPerM2().values());
        assertThat(new EpochWeather(BERLIN, QUARTER, 43).window(SUNDAY_NOON, 192).windSpeedMsAt10m().values())
                .as("another seed, other weather").isNotEqualTo(wide.windSpeedMsAt10m().values());
    }

    @Test
    void aWindowOffTheGridIsRefused() {
        assertThatThrownBy(() -> new EpochWeather(BERLIN, QUARTER, 42).window(SUNDAY_NOON.plusSeconds(60), 4))
                .hasMessageContaining("grid");
    }
}
