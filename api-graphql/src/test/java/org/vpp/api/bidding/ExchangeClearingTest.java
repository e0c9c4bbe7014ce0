package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.ClearedSlot;

class ExchangeClearingTest {

    static final Instant SLOT = Instant.parse("2026-06-16T22:00:00Z");
    static final Duration QUARTER = Duration.ofMinutes(15);

    @ParameterizedTest(name = "{0}: {1} MW limit {2} at price {3} clears {4} MW")
    @CsvSource({
            // case                                  offered, limit, price, cleared
            "'sell, price above the limit',          2,     50,    60,    2",
            "'sell, price at the limit',             2,     50,    50,    2",
            "'sell, price below the limit',          2,     50,    49.99, 0",
            "'buy, price below the limit',           -1.5,  30,    20,    -1.5",
            "'buy, price at the limit',              -1.5,  30,    30,    -1.5",
            "'buy, price above the limit',           -1.5,  30,    30.01, 0",
            "'nothing offered',                      0,     40,    55,    0",
            "'sell, negative price above the limit', 2,     -10,   -5,    2",
            "'sell, negative price below the limit', 2,     0,     -5,    0",
            "'buy, negative price below the limit',  -1,    0,     -5,    -1",
            "'buy, negative price above the limit',  -1,    -10,   -5,    0"})
    void aSlotClearsInFullWhenItsLimitIsInTheMoneyElseNothingAtTheSlotsPrice(String when, double offered, double limit,
                                                                              double price, double cleared) {
        ClearedSlot result = ExchangeClearing.clear(new BidSlot(SLOT, Megawatts.of(offered), EurPerMwh.of(limit)),
                EurPerMwh.of(price));

        assertThat(result).isEqualTo(new ClearedSlot(SLOT, Megawatts.of(cleared), EurPerMwh.of(price)));
    }

    @Test
    void eachSlotClearsAgainstThePriceOfTheQuarterHourItStartsIn() {
        TimeSeries prices = new TimeSeries(SLOT, QUARTER, new double[] {40, 41, 42, 43, 80, 81, 82, 83});
        List<BidSlot> hours = List.of(
                new BidSlot(SLOT, Megawatts.of(2), EurPerMwh.of(42)),
                new BidSlot(SLOT.plus(Duration.ofHours(1)), Megawatts.of(2), EurPerMwh.of(42)));

        assertThat(ExchangeClearing.firstUnpriced(hours, prices)).isEmpty();
        assertThat(ExchangeClearing.clear(hours, prices)).containsExactly(
                new ClearedSlot(SLOT, Megawatts.of(0), EurPerMwh.of(40)),
                new ClearedSlot(SLOT.plus(Duration.ofHours(1)), Megawatts.of(2), EurPerMwh.of(80)));
    }

    @Test
    void aSlotOutsideThePricesOrWithoutAFinitePriceIsUnpriced() {
        TimeSeries prices = new TimeSeries(SLOT, QUARTER, new double[] {40, Double.NaN});
        BidSlot first = new BidSlot(SLOT, Megawatts.of(1), EurPerMwh.of(0));
        BidSlot second = new BidSlot(SLOT.plus(QUARTER), Megawatts.of(1), EurPerMwh.of(0));
        BidSlot third = new BidSlot(SLOT.plus(QUARTER.multipliedBy(2)), Megawatts.of(1), EurPerMwh.of(0));

        assertThat(ExchangeClearing.firstUnpriced(List.of(first, second), prices)).contains(second.start());
        assertThat(ExchangeClearing.firstUnpriced(List.of(first, third), prices)).contains(third.start());
        assertThat(ExchangeClearing.firstUnpriced(List.of(first), prices)).isEmpty();
    }
}
