package org.vpp.api.simulation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.messages.fleet.AssetView;
import org.vpp.sagas.port.WeatherForecasts;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.series.SeedStreams;
import org.vpp.simulator.weather.SimulatedWeatherFeed;

/**
 * The demo world's weather service: for a device, forecasts (errors growing with lead time) of the weather its
 * site's twins live in ({@link DemoWorld#siteWeather}: kept per site from the epoch, so the forecasts of any past
 * day are those of the weather that day really had). A device whose series was replaced by a file still gets its
 * site's simulated weather, which then explains little, and selection leaves the weather models out.
 *
 * <p>On in the demo run ({@code vpp.simulation.enabled}) and in {@code ./vpp simulate}, whose world is driven from
 * outside the application ({@code vpp.simulation.weather-forecasts}, with {@code vpp.simulation.seed} its world's).
 */
@Component
@ConditionalOnExpression("${vpp.simulation.enabled:false} or ${vpp.simulation.weather-forecasts:false}")
public class SimulatedWeatherForecasts implements WeatherForecasts {

    private final SimulationProperties properties;
    private final Map<String, WeatherFeed> feeds = new ConcurrentHashMap<>();

    public SimulatedWeatherForecasts(SimulationProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<WeatherFeed> forDevice(AssetView device) {
        if (device.location() == null || device.parentId() == null) return Optional.empty();
        String site = device.parentId().value();
        return Optional.of(feeds.computeIfAbsent(site + "@" + device.location(), key -> new SimulatedWeatherFeed(
                DemoWorld.siteWeather(site, device.location().latitude(), device.location().longitude(), properties.seed()),
                properties.zone(), SeedStreams.derive(properties.seed(), "weather-forecast:" + site))));
    }
}
