package org.vpp.api.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.port.PriceHistory;

/** The prices the simulated market clears against, read from the same history the forecaster reads. */
final class MarketPrices {

    private MarketPrices() {
    }

    /** From the quarter-hour of {@code start} for {@code horizon} plus a day (the market clears a day ahead), within the history's coverage. */
    static TimeSeries from(PriceHistory history, String zone, Instant start, Duration horizon) {
        Instant from = start.truncatedTo(ChronoUnit.HOURS);
        Instant to = from.plus(horizon).plus(Duration.ofDays(1));
        if (history.coveredFrom().isPresent() && from.isBefore(history.coveredFrom().get())) from = history.coveredFrom().get();
        if (history.coveredUntil().isPresent() && to.isAfter(history.coveredUntil().get())) to = history.coveredUntil().get();
        if (!to.isAfter(from)) {
            throw new IllegalStateException("no prices for the simulated period from " + start + " (prices cover "
                    + history.coveredFrom().orElse(null) + " to " + history.coveredUntil().orElse(null) + ")");
        }
        TimeSeries prices = history.prices(zone, from, to);
        return new TimeSeries(prices.start(), prices.step(), prices.values());
    }
}
