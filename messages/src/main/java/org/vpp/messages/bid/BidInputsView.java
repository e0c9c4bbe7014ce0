package org.vpp.messages.bid;

import java.time.Instant;

/** The inputs a cycle planned from, by reference: what {@link BidInputsFetched} recorded, less the per-slot flexibility. */
public record BidInputsView(Instant fetchedAt, ContentReference fleetSnapshot, int deviceCount,
                            ContentReference deviceForecasts, ForecastReference priceForecast) {
}
