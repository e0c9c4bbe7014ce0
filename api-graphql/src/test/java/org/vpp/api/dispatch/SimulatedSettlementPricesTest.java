package org.vpp.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.dispatch.SlotPrice;
import org.vpp.sagas.port.PriceHistory;

/**
 * Settlement prices of the simulated world: the clearing price of a slot from the day-ahead quarter-hours it covers,
 * the imbalance price drawn around it, published once the last slot has ended.
 */
class SimulatedSettlementPricesTest {

    static final Instant DAY = Instant.parse("2026-06-16T00:00:00Z");
    static final Duration QUARTER = Duration.ofMinutes(15);
    static final Duration HOUR = Duration.ofHours(1);

    /** Quarter-hour i of the day costs 10 * i EUR/MWh, for two days. */
    static final PriceHistory RISING = (zone, from, to) -> {
        int first = (int) (Duration.between(DAY, from).toMinutes() / 15);
        double[] values = new double[(int) (Duration.between(from, to).toMinutes() / 15)];
        for (int i = 0; i < values.length; i++) values[i] = 10.0 * (first + i);
        return new TimeSeries(from, QUARTER, values);
    };

    /** An imported series that ends at the end of the day. */
    static final PriceHistory ENDS_TODAY = (zone, from, to) -> {
        if (to.isAfter(DAY.plus(Duration.ofDays(1)))) throw new IllegalArgumentException("beyond the imported prices");
        return RISING.prices(zone, from, to);
    };

    final SimulatedSettlementPrices prices = new SimulatedSettlementPrices(RISING, 42);

    @Test
    void aQuarterHourSlotTakesItsQuarterHoursPriceAndAnHourSlotTheMeanOfItsFour() {
        Instant tenOClock = DAY.plus(Duration.ofHours(10)); // quarter-hour 40
        Instant late = tenOClock.plus(Duration.ofHours(3));

        List<SlotPrice> quarters = prices.prices("DE-LU", tenOClock, QUARTER, 2, late).orElseThrow();
        List<SlotPrice> hours = prices.prices("DE-LU", tenOClock, HOUR, 2, late).orElseThrow();

        assertThat(quarters).extracting(SlotPrice::start).containsExactly(tenOClock, tenOClock.plus(QUARTER));
        assertThat(quarters).extracting(SlotPrice::clearingEurPerMwh).containsExactly(400.0, 410.0);
        assertThat(hours).extracting(SlotPrice::clearingEurPerMwh).containsExactly(415.0, 455.0); // (400+410+420+430)/4, (440..470)/4
    }

    @Test
    void theImbalancePriceLiesAboveClearingWhenTheSystemWasShortAndBelowWhenLong() {
        Instant start = DAY.plus(Duration.ofHours(6));
        List<SlotPrice> day = prices.prices("DE-LU", start, QUARTER, 48, DAY.plus(Duration.ofDays(1))).orElseThrow();

        assertThat(day).extracting(SlotPrice::systemDirection).contains("SHORT", "LONG");
        for (SlotPrice slot : day) {
            double spread = slot.imbalanceEurPerMwh() - slot.clearingEurPerMwh();
            if (slot.systemDirection().equals("SHORT")) assertThat(spread).as("%s", slot).isGreaterThanOrEqualTo(8);
            else assertThat(spread).as("%s", slot).isLessThanOrEqualTo(-8);
        }
        // Seeded: asked again, or another slot range around it, the same prices.
        assertThat(prices.prices("DE-LU", start, QUARTER, 48, DAY.plus(Duration.ofDays(2))).orElseThrow()).isEqualTo(day);
        assertThat(prices.prices("DE-LU", start.plus(QUARTER), QUARTER, 1, DAY.plus(Duration.ofDays(1))).orElseThrow())
                .containsExactly(day.get(1));
    }

    @Test
    void nothingIsPublishedBeforeTheLastSlotHasEnded() {
        Instant start = DAY.plus(Duration.ofHours(10));
        Instant end = start.plus(HOUR);

        assertThat(prices.prices("DE-LU", start, QUARTER, 4, end.minusNanos(1))).isEmpty();
        assertThat(prices.prices("DE-LU", start, QUARTER, 4, end)).isPresent();
    }

    @Test
    void slotsBeyondThePriceHistoryHaveNoPrices() {
        var imported = new SimulatedSettlementPrices(ENDS_TODAY, 42);
        Instant lastHour = DAY.plus(Duration.ofHours(23));

        assertThat(imported.prices("DE-LU", lastHour, QUARTER, 4, DAY.plus(Duration.ofDays(3)))).isPresent();
        assertThat(imported.prices("DE-LU", lastHour, QUARTER, 5, DAY.plus(Duration.ofDays(3)))).isEqualTo(Optional.empty());
    }

    @Test
    void aSlotCoveringPartsOfQuarterHoursWeighsEachByItsShare() {
        TimeSeries quarters = new TimeSeries(DAY, QUARTER, new double[] {100, 200});
        // 10 minutes of the first quarter-hour at 100, 5 of the second at 200.
        double mean = SimulatedSettlementPrices.clearingPrice(quarters, DAY.plus(Duration.ofMinutes(5)), DAY.plus(Duration.ofMinutes(20)));
        assertThat(mean).isCloseTo((10 * 100 + 5 * 200) / 15.0, within(1e-9));
    }
}
