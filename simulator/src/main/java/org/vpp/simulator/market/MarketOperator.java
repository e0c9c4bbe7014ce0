package org.vpp.simulator.market;

import org.vpp.kernel.MarketRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;

/**
 * The port to a day-ahead market. Every answer that depends on the market's timeline (results before clearing,
 * settlement before delivery) is empty until the market has published it.
 */
public interface MarketOperator {

    MarketRules rules();

    BidReceipt submit(Bid bid);

    ClearingReport clear(LocalDate deliveryDay);

    /** The result of a bid, once its delivery day has been cleared. */
    Optional<BidResult> result(String bidId);

    /** Clearing prices of a delivery day on the market's slot grid, once cleared. */
    Optional<TimeSeries> clearingPrices(LocalDate deliveryDay);

    /** Final settlement prices of a delivery day, once the day has been delivered. */
    Optional<TimeSeries> settlementPrices(LocalDate deliveryDay);

    /** The imbalance price of the slot starting at {@code slotStart}, once that slot is over. */
    Optional<ImbalancePrice> imbalancePrice(Instant slotStart);
}
