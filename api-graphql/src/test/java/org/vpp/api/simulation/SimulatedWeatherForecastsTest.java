package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vpp.forecast.feature.WeatherColumns;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.AssetView;
import org.vpp.sagas.port.WeatherForecasts;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.weather.WeatherSeries;

class SimulatedWeatherForecastsTest {

    private static final SimulationProperties PROPERTIES = new SimulationProperties(true, 720, 20, 7, null, null, null,
            null, null, null, null, null, null, null, null, false, null);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Instant FROM = Instant.parse("2026-05-04T00:00:00Z");

    private static AssetView device(String id, String site, GeoLocation location) {
        return new AssetView(new AssetId(id), AssetKind.PV, id, site == null ? null : new AssetId(site), null, null, null,
                location, null, null, null, 0, null);
    }

    @Test
    void aDeviceGetsForecastsOfTheWeatherItsSiteTwinsLiveIn() {
        GeoLocation where = new GeoLocation(48.1, 11.6);
        var feed = new SimulatedWeatherForecasts(PROPERTIES).forDevice(device("pv-1", "site-3", where)).orElseThrow();
        WeatherSeries actual = DemoWorld.siteWeather("site-3", 48.1, 11.6, 7).window(FROM, 192);

        // Issued after the window: the weather as it was (the analysis).
        WeatherColumns past = feed.issued(FROM.plus(Duration.ofDays(3)), FROM, QUARTER, 192);
        assertThat(past.ghiWPerM2()).containsExactly(actual.ghiWPerM2().values());
        assertThat(past.windSpeedMs()).containsExactly(actual.windSpeedMsAt10m().values());
        // Issued at its start: a forecast, close but not equal, growing apart with lead time.
        WeatherColumns ahead = feed.issued(FROM, FROM, QUARTER, 192);
        assertThat(ahead.windSpeedMs()).isNotEqualTo(actual.windSpeedMsAt10m().values());
        assertThat(feed.dayAhead(FROM, QUARTER, 192).size()).isEqualTo(192);
    }

    @Test
    void theWeatherServiceRunsInTheDemoRunAndInSimulateWhoseDemoWorldIsDrivenFromOutside() {
        var runner = new ApplicationContextRunner().withUserConfiguration(SimulatedWeatherForecasts.class)
                .withBean(SimulationProperties.class, () -> PROPERTIES);
        runner.withPropertyValues("vpp.simulation.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(WeatherForecasts.class));
        runner.withPropertyValues("vpp.simulation.enabled=false", "vpp.simulation.weather-forecasts=true")
                .run(context -> assertThat(context).hasSingleBean(WeatherForecasts.class));
        runner.withPropertyValues("vpp.simulation.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(WeatherForecasts.class));
    }

    @Test
    void aDeviceWithoutALocationOrSiteHasNone() {
        var forecasts = new SimulatedWeatherForecasts(PROPERTIES);
        assertThat(forecasts.forDevice(device("pv-2", "site-3", null))).isEmpty();
        assertThat(forecasts.forDevice(device("pv-3", null, new GeoLocation(48.1, 11.6)))).isEmpty();
    }
}
