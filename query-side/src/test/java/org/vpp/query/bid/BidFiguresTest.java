package org.vpp.query.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidSlotView;
import org.vpp.messages.bid.BidTotals;

/**
 * Four quarter-hours: offers of 2, -1.5, 0 and 4 MW; cleared 2, -1.5, 0 and 1 MW at 60, 20, 45 and 50 EUR/MWh.
 * By hand: offered (2 + 1.5 + 0 + 4) x 0.25 = 1.875 MWh; cleared (2 + 1.5 + 0 + 1) x 0.25 = 1.125 MWh;
 * revenue 0.5 x 60 - 0.375 x 20 + 0 + 0.25 x 50 = 30 - 7.5 + 12.5 = 35 EUR.
 */
class BidFiguresTest {

    static final Duration QUARTER = Duration.ofMinutes(15);
    static final Instant T0 = Instant.parse("2026-06-16T22:00:00Z");

    static BidSlotView slot(int i, Double quantity, Double limit, Double cleared, Double price) {
        return new BidSlotView(T0.plus(QUARTER.multipliedBy(i)), Megawatts.of(5), Megawatts.of(3), null,
                quantity == null ? null : Megawatts.of(quantity), limit == null ? null : EurPerMwh.of(limit),
                cleared == null ? null : Megawatts.of(cleared), price == null ? null : EurPerMwh.of(price));
    }

    @Test
    void sumsVolumesAndRevenueAtClearingPrices() {
        BidTotals totals = BidFigures.totals(List.of(
                slot(0, 2.0, 50.0, 2.0, 60.0),
                slot(1, -1.5, 30.0, -1.5, 20.0),
                slot(2, 0.0, 40.0, 0.0, 45.0),
                slot(3, 4.0, 50.0, 1.0, 50.0)), QUARTER);
        assertThat(totals.offered().value()).isCloseTo(1.875, within(1e-12));
        assertThat(totals.cleared().value()).isCloseTo(1.125, within(1e-12));
        assertThat(totals.revenueEur()).isCloseTo(35.0, within(1e-9));
    }

    @Test
    void nothingIsTotalledBeforeADraft() {
        assertThat(BidFigures.totals(List.of(slot(0, null, null, null, null), slot(1, null, null, null, null)), QUARTER))
                .isEqualTo(new BidTotals(null, null, null));
    }

    @Test
    void aDraftWithoutAnAnswerHasAnOfferButNoClearingYet() {
        BidTotals totals = BidFigures.totals(List.of(slot(0, 2.0, 50.0, null, null), slot(1, -1.0, 30.0, null, null)),
                Duration.ofHours(1));
        assertThat(totals.offered().value()).isCloseTo(3.0, within(1e-12));
        assertThat(totals.cleared()).isNull();
        assertThat(totals.revenueEur()).isNull();
    }
}
