package org.vpp.api.forecast;

import java.time.Instant;

import org.vpp.forecast.value.Series;

/**
 * Where the pipeline reads a market zone's past day-ahead prices (EUR/MWh per quarter-hour). A port: the simulated
 * market, or a real price feed, can replace the default.
 */
public interface PriceHistory {

    /** Prices of the quarter-hours in {@code [from, to)}; both aligned to quarter-hours. */
    Series prices(String zone, Instant from, Instant to);
}
