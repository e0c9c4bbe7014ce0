package org.vpp.forecast.feature;

import java.time.Duration;
import java.time.Instant;

/**
 * Weather forecasts for one site, as a weather service issued them: the simulator's in a simulation, a real
 * service's in a deployment. A forecasting model may only ask for what was known at its forecast's origin, so
 * every method names the issue it wants; an implementation never answers with information from later.
 */
public interface WeatherFeed {

    /** The forecast issued at {@code issuedAt} for the steps {@code [from, from + count * step)}. */
    WeatherColumns issued(Instant issuedAt, Instant from, Duration step, int count);

    /**
     * For training: each step's value as the day-ahead forecast gave it, i.e. from an issue some hours before the
     * step's day began. A model learns from these what a day-ahead forecast of the weather is worth, errors
     * included, rather than from the weather as it turned out, which it never has when it forecasts.
     */
    WeatherColumns dayAhead(Instant from, Duration step, int count);
}
