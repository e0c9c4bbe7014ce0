package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** The cycle's inputs were fetched: referenced by id and content hash, with the fleet's flexibility per slot. */
public record BidInputsFetched(BidId bidId, Instant at, ContentReference fleetSnapshot, int deviceCount,
                               ForecastReference priceForecast, ContentReference deviceForecasts,
                               List<SlotFlexibility> flexibility) implements BidEvent {

    public BidInputsFetched {
        flexibility = List.copyOf(flexibility);
    }
}
