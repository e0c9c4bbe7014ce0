package org.vpp.sagas.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.sagas.bidding.PriceQuote;

/**
 * What a bidding cycle plans from: the fleet's snapshot and flexibility, the device forecasts and the price forecast.
 * A port: the asset registry, the telemetry store and the forecast table behind it. Large inputs are stored once by
 * the adapter and only referenced.
 */
public interface BiddingInputs {

    /**
     * The inputs for the delivery period as they stand at {@code asOf}. When the price forecast is missing or older
     * than its freshness limit, the adapter stands in a seasonal naive forecast and says so in
     * {@link PriceForecast#fallback()}.
     */
    Fetched fetch(BidId bidId, Instant deliveryStart, Instant deliveryEnd, Duration slotLength, Instant asOf);

    /** The quotes per slot of a price forecast fetched before, read again by its id when the bid is priced. */
    List<PriceQuote> priceQuotes(ForecastId priceForecast);

    /**
     * @param deviceCount   the devices in the snapshot (online at {@code asOf})
     * @param plannedAssets how many of them the optimizer plans; none means there is nothing to bid
     * @param flexibility   one entry per delivery slot, in order
     */
    record Fetched(ContentReference fleetSnapshot, int deviceCount, int plannedAssets, ContentReference deviceForecasts,
                   List<SlotFlexibility> flexibility, PriceForecast priceForecast) {
        public Fetched {
            flexibility = List.copyOf(flexibility);
        }
    }

    /**
     * The price forecast used: its id, model and the SHA-256 of its values, the quote per slot, and whether it is the
     * seasonal naive fallback for a missing or stale forecast.
     */
    record PriceForecast(ForecastId id, String model, String sha256, boolean fallback, List<PriceQuote> quotes) {
        public PriceForecast {
            quotes = List.copyOf(quotes);
        }
    }
}
