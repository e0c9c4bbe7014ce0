package org.vpp.sagas.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.PlannedSlot;

/**
 * The pricing rule as a table worked by hand. Unless a row says otherwise k = 0.5, the marginal cost c = 8 and the
 * energy value V = 90 EUR/MWh, so a purchase never pays more than V - c = 82.
 */
class BidPricingTest {

    private static final Instant SLOT = Instant.parse("2026-06-16T10:00:00Z");
    private static final EurPerMwh COST = EurPerMwh.of(8);
    private static final EurPerMwh VALUE = EurPerMwh.of(90);
    private static final double ETA = 0.9;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                  | k   | MW   | low | point | high | limit
            a sale on a certain forecast is bid at the point                        | 0.5 |  2   |  60 |  60   |  60  | 60
            a sale on an unsure forecast lowers the limit by k(P-L) = 0.5*20 = 10   | 0.5 |  2   |  40 |  60   |  80  | 50
            a sale looks only at the downside: 0.5*(60-58) = 1                      | 0.5 |  2   |  58 |  60   | 100  | 59
            a sale whose margin would cross the marginal cost stops at it: 12-6<8   | 0.5 |  2   |   0 |  12   |  30  |  8
            a sale whose margin lands exactly on the marginal cost keeps it: 16-8   | 0.5 |  2   |   0 |  16   |  40  |  8
            a sale forecast below cost is still never bid below cost                | 0.5 |  2   | -20 |  -5   |  10  |  8
            a sale with k = 0 ignores the spread                                    | 0   |  2   |  40 |  60   |  80  | 60
            a sale with k = 1 bids at the low quantile                              | 1   |  2   |  40 |  60   |  80  | 40
            a purchase on a certain forecast is bid at the point                    | 0.5 | -1.5 |  30 |  30   |  30  | 30
            a purchase on an unsure forecast raises the limit by k(H-P) = 0.5*20    | 0.5 | -1.5 |  20 |  30   |  50  | 40
            a purchase looks only at the upside: 0.5*(32-30) = 1                    | 0.5 | -1.5 |   0 |  30   |  32  | 31
            a purchase whose margin would pass V-c stops at it: 78+11 > 82          | 0.5 | -1.5 |  60 |  78   | 100  | 82
            a purchase forecast above V-c is still never bid above it               | 0.5 | -1.5 |  85 |  85   |  85  | 82
            a purchase at negative prices may be paid to consume: -10+5             | 0.5 | -1.5 | -30 | -10   |   0  | -5
            no planned position offers nothing, the limit is the point              | 0.5 |  0   |  40 |  60   |  80  | 60
            """)
    void pricesEachSlotByTheDocumentedRule(String description, double k, double mw, double low, double point, double high,
                                           double expectedLimit) {
        var policy = new PricingPolicy(k, COST, VALUE, ETA);
        var quote = new PriceQuote(SLOT, EurPerMwh.of(low), EurPerMwh.of(point), EurPerMwh.of(high));

        BidSlot slot = BidPricing.price(new PlannedSlot(SLOT, Megawatts.of(mw)), quote, policy);

        assertThat(slot.start()).isEqualTo(SLOT);
        assertThat(slot.quantity()).isEqualTo(Megawatts.of(mw));
        assertThat(slot.limitPrice().value()).isCloseTo(expectedLimit, within(1e-9));
    }

    @Test
    void aWholePlanIsPricedSlotBySlotWithTheQuoteThatStartsWithIt() {
        var hour = Duration.ofHours(1);
        var plan = List.of(new PlannedSlot(SLOT, Megawatts.of(2)), new PlannedSlot(SLOT.plus(hour), Megawatts.of(-1)));
        var forecast = List.of(
                new PriceQuote(SLOT.plus(hour), EurPerMwh.of(20), EurPerMwh.of(30), EurPerMwh.of(50)),
                new PriceQuote(SLOT, EurPerMwh.of(40), EurPerMwh.of(60), EurPerMwh.of(80)));

        assertThat(BidPricing.bid(plan, forecast, new PricingPolicy(0.5, COST, VALUE, ETA))).containsExactly(
                new BidSlot(SLOT, Megawatts.of(2), EurPerMwh.of(50)),
                new BidSlot(SLOT.plus(hour), Megawatts.of(-1), EurPerMwh.of(40)));
    }

    @Test
    void aPurchaseIsBidUpToWhatItsEnergyFetchesInTheLaterSalesAndOneAfterTheLastSaleByTheForecastAlone() {
        var hour = Duration.ofHours(1);
        // listed out of order: the later sales are later in time, not in the list
        var plan = List.of(
                new PlannedSlot(SLOT.plus(hour.multipliedBy(2)), Megawatts.of(3)),
                new PlannedSlot(SLOT, Megawatts.of(-2)),
                new PlannedSlot(SLOT.plus(hour), Megawatts.of(1)),
                new PlannedSlot(SLOT.plus(hour.multipliedBy(3)), Megawatts.of(-1)));
        var forecast = List.of(
                new PriceQuote(SLOT, EurPerMwh.of(20), EurPerMwh.of(30), EurPerMwh.of(50)),
                new PriceQuote(SLOT.plus(hour), EurPerMwh.of(80), EurPerMwh.of(100), EurPerMwh.of(120)),
                new PriceQuote(SLOT.plus(hour.multipliedBy(2)), EurPerMwh.of(60), EurPerMwh.of(60), EurPerMwh.of(60)),
                new PriceQuote(SLOT.plus(hour.multipliedBy(3)), EurPerMwh.of(20), EurPerMwh.of(30), EurPerMwh.of(50)));

        List<BidSlot> bid = BidPricing.bid(plan, forecast, new PricingPolicy(0.5, COST, VALUE, ETA));

        // W = (1 * 100 + 3 * 60) / 4 = 70; 0.9 * 70 - 8 = 55 > 30 + 0.5 * (50 - 30) = 40
        assertThat(bid.get(1).limitPrice().value()).isCloseTo(55, within(1e-9));
        // no sale after it: the forecast's margin alone, 40
        assertThat(bid.get(3).limitPrice().value()).isCloseTo(40, within(1e-9));
        // sales keep their own rule: 100 - 0.5 * 20 = 90, and 60
        assertThat(bid.get(0).limitPrice().value()).isCloseTo(60, within(1e-9));
        assertThat(bid.get(2).limitPrice().value()).isCloseTo(90, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                 | low | point | high | later sale | limit
            valued at 0.9*200-8 = 172 by its sale, a purchase still stops at V-c   |  30 |  30   |  30  | 200        | 82
            valued at 0.9*40-8 = 28 by its sale, a purchase keeps its margin 40    |  20 |  30   |  50  |  40        | 40
            """)
    void aPurchaseValuedByItsLaterSaleStaysWithinItsMarginAndTheCeiling(String description, double low, double point,
                                                                        double high, double laterSale, double expectedLimit) {
        var hour = Duration.ofHours(1);
        var plan = List.of(new PlannedSlot(SLOT, Megawatts.of(-1)), new PlannedSlot(SLOT.plus(hour), Megawatts.of(1)));
        var forecast = List.of(new PriceQuote(SLOT, EurPerMwh.of(low), EurPerMwh.of(point), EurPerMwh.of(high)),
                new PriceQuote(SLOT.plus(hour), EurPerMwh.of(laterSale), EurPerMwh.of(laterSale), EurPerMwh.of(laterSale)));

        assertThat(BidPricing.bid(plan, forecast, new PricingPolicy(0.5, COST, VALUE, ETA)).getFirst().limitPrice().value())
                .isCloseTo(expectedLimit, within(1e-9));
    }

    @Test
    void aRoundTripEfficiencyOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new PricingPolicy(0.5, COST, VALUE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("round-trip efficiency must be within (0, 1], got 0.0");
        assertThatThrownBy(() -> new PricingPolicy(0.5, COST, VALUE, 1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlotWithoutAPriceForecastIsNotPricedByGuessing() {
        var plan = List.of(new PlannedSlot(SLOT, Megawatts.of(2)));
        assertThatThrownBy(() -> BidPricing.bid(plan, List.of(), new PricingPolicy(0.5, COST, VALUE, ETA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no price forecast for the slot at 2026-06-16T10:00:00Z");
    }

    @Test
    void quantilesThatDoNotSurroundThePointAreRefused() {
        assertThatThrownBy(() -> new PriceQuote(SLOT, EurPerMwh.of(61), EurPerMwh.of(60), EurPerMwh.of(80)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUncertaintyFactorAboveOneIsRefused() {
        assertThatThrownBy(() -> new PricingPolicy(1.5, COST, VALUE, ETA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRuleIsDescribedWithItsParametersForTheDraftedBid() {
        assertThat(new PricingPolicy(0.5, COST, VALUE, ETA).describe())
                .isEqualTo("forecast-margin-purchases-at-later-sales-value(k=0.5, marginalCost=8.0, energyValue=90.0,"
                        + " roundTripEfficiency=0.9)");
    }
}
