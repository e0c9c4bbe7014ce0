package org.vpp.sagas.port;

import java.time.Instant;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;

/**
 * A market zone's day-ahead prices (EUR/MWh per quarter-hour): the one source of prices for the simulated market
 * and for forecasting. A port: synthetic prices by default, an imported CSV series with {@code vpp.prices.csv},
 * a real price feed later.
 */
public interface PriceHistory {

    /** Prices of the quarter-hours in {@code [from, to)}; both aligned to quarter-hours. */
    TimeSeries prices(String zone, Instant from, Instant to);

    /** The first instant with a price, when the history is bounded (an imported series); empty when unbounded. */
    default Optional<Instant> coveredFrom() {
        return Optional.empty();
    }

    /** The end (exclusive) of the prices, when bounded. */
    default Optional<Instant> coveredUntil() {
        return Optional.empty();
    }
}
