package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.query.forecast.ForecastStore;
import org.vpp.sagas.bidding.PriceQuote;
import org.vpp.sagas.port.BiddingInputs;

/**
 * The quotes a bid is priced with come from the price forecast's own P10/P90 when it was issued with a band (the
 * residual quantiles of its cross-validation), and from a normal error around the point only for a forecast
 * without one.
 */
class PriceQuotesIT extends ApiIT {

    private static final ForecastSourceId PRICE = ForecastSourceId.of("price:DE-LU");
    private static final Duration SLOT = Duration.ofMinutes(15);

    @Autowired
    ForecastStore forecasts;
    @Autowired
    BiddingInputs inputs;

    @Test
    void aBandedForecastIsQuotedAtItsOwnQuantilesWidenedToHoldThePoint() {
        Instant origin = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        ForecastId id = new ForecastId("price:DE-LU@quotes-" + run);
        double[] values = {50, 60, 70};
        double[][] band = {{40, 61, 65}, {50, 62, 70}, {55, 75, 90}};
        forecasts.save(id, PRICE, origin, SLOT, values, band, origin);

        List<PriceQuote> quotes = inputs.priceQuotes(id);

        assertThat(quotes).hasSize(3);
        assertThat(quotes.get(0).low().value()).isEqualTo(40);
        assertThat(quotes.get(0).high().value()).isEqualTo(55);
        assertThat(quotes.get(1).low().value()).as("P10 above the point: widened to it").isEqualTo(60);
        assertThat(quotes.get(1).high().value()).isEqualTo(75);
        assertThat(quotes.get(2).expected().value()).isEqualTo(70);
        assertThat(quotes.get(2).start()).isEqualTo(origin.plus(SLOT.multipliedBy(2)));
    }

    @Test
    void aForecastWithoutABandIsQuotedSymmetricallyAroundItsPoint() {
        Instant origin = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        ForecastId id = new ForecastId("price:DE-LU@plain-" + run);
        forecasts.save(id, PRICE, origin, SLOT, new double[] {50, 60}, origin);

        List<PriceQuote> quotes = inputs.priceQuotes(id);

        assertThat(quotes).allSatisfy(q -> assertThat(q.high().value() - q.expected().value())
                .isCloseTo(q.expected().value() - q.low().value(), within(1e-9)).isPositive());
    }
}
