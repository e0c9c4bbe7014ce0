package org.vpp.sagas.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.sagas.port.BiddingInputs;

/**
 * The inputs of a two-slot delivery (22:00 and 23:00 UTC): a fresh price forecast, or, when told its forecast is
 * stale, the seasonal naive stand-in flagged as a fallback.
 */
final class InMemoryBiddingInputs implements BiddingInputs {

    static final Instant SLOT_1 = Instant.parse("2026-06-15T22:00:00Z");
    static final Instant SLOT_2 = Instant.parse("2026-06-15T23:00:00Z");
    static final ContentReference FLEET = ContentReference.of("fleet-snapshot/DE-LU:2026-06-16", "a".repeat(64));
    static final ContentReference DEVICE_FORECASTS = ContentReference.of("device-forecasts/DE-LU:2026-06-16", "b".repeat(64));
    static final List<SlotFlexibility> FLEXIBILITY = List.of(
            new SlotFlexibility(SLOT_1, Megawatts.of(3), Megawatts.of(3)),
            new SlotFlexibility(SLOT_2, Megawatts.of(3), Megawatts.of(3)));
    /** Point 60 with quantiles 40 / 80, then point 30 with 20 / 50. */
    static final List<PriceQuote> QUOTES = List.of(
            new PriceQuote(SLOT_1, EurPerMwh.of(40), EurPerMwh.of(60), EurPerMwh.of(80)),
            new PriceQuote(SLOT_2, EurPerMwh.of(20), EurPerMwh.of(30), EurPerMwh.of(50)));
    /** The seasonal naive stand-in: point 56 with 50 / 62, then point 28 with 25 / 31. */
    static final List<PriceQuote> SEASONAL_QUOTES = List.of(
            new PriceQuote(SLOT_1, EurPerMwh.of(50), EurPerMwh.of(56), EurPerMwh.of(62)),
            new PriceQuote(SLOT_2, EurPerMwh.of(25), EurPerMwh.of(28), EurPerMwh.of(31)));
    static final ForecastId FRESH = new ForecastId("price:DE-LU@2026-06-15T08:45:00Z");
    static final ForecastId SEASONAL_NAIVE = new ForecastId("price:DE-LU:seasonal-naive@2026-06-15T09:00:00Z");
    static final String FRESH_HASH = "c".repeat(64);
    static final String SEASONAL_HASH = "d".repeat(64);

    private boolean priceForecastStale;
    private boolean unreachable;
    private boolean emptyFleet;
    final List<Instant> fetchedAsOf = new ArrayList<>();

    void priceForecastIsStale() {
        priceForecastStale = true;
    }

    /** The fleet as of the opening has nothing the optimizer plans (none registered yet, or all offline). */
    void hasNothingToPlan() {
        emptyFleet = true;
    }

    void isUnreachable() {
        unreachable = true;
    }

    @Override
    public Fetched fetch(BidId bidId, Instant deliveryStart, Instant deliveryEnd, Duration slotLength, Instant asOf) {
        fetchedAsOf.add(asOf);
        if (unreachable) throw new IllegalStateException("the telemetry store does not answer");
        PriceForecast prices = priceForecastStale
                ? new PriceForecast(SEASONAL_NAIVE, "seasonal-naive", SEASONAL_HASH, true, SEASONAL_QUOTES)
                : new PriceForecast(FRESH, "gradient-boosting", FRESH_HASH, false, QUOTES);
        return new Fetched(FLEET, 12, emptyFleet ? 0 : 12, DEVICE_FORECASTS, FLEXIBILITY, prices);
    }

    @Override
    public List<PriceQuote> priceQuotes(ForecastId priceForecast) {
        return Map.of(FRESH, QUOTES, SEASONAL_NAIVE, SEASONAL_QUOTES).get(priceForecast);
    }
}
