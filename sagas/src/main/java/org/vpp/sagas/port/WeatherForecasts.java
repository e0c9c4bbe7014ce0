package org.vpp.sagas.port;

import java.util.Optional;
import org.vpp.forecast.feature.WeatherFeed;
import org.vpp.messages.fleet.AssetView;

/**
 * Weather forecasts for where a device stands: a port. In the demo world the simulator's weather service, which
 * forecasts the weather the twins live in; in a deployment, a weather service's forecasts for the site.
 */
@FunctionalInterface
public interface WeatherForecasts {

    /** No weather service: every source is forecast from its own history and the calendar. */
    WeatherForecasts NONE = device -> Optional.empty();

    /** The feed for the device's site, empty when none covers it (or the device has no location). */
    Optional<WeatherFeed> forDevice(AssetView device);
}
