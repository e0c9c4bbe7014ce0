package org.vpp.sagas.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vpp.sagas.dispatch.SlotPrice;

/**
 * The prices a delivery is settled at: per slot the day-ahead clearing price and the imbalance price. A port: the
 * simulator's market, the grid operator's published imbalance prices later. Empty while they are not published.
 */
public interface SettlementPrices {

    Optional<List<SlotPrice>> prices(String zone, Instant start, Duration slotLength, int slots, Instant now);
}
