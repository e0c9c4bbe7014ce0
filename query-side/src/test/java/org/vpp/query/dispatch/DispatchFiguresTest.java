package org.vpp.query.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.MegawattHours;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.dispatch.DispatchSlotView;
import org.vpp.messages.dispatch.DispatchTotals;

class DispatchFiguresTest {

    static final Duration QUARTER = Duration.ofMinutes(15);
    static final Instant T0 = Instant.parse("2026-06-17T10:00:00Z");

    static DispatchSlotView slot(int i, double target, Double delivered) {
        return new DispatchSlotView(T0.plus(QUARTER.multipliedBy(i)), Megawatts.of(target), null, null, null, List.of(),
                List.of(), null, null, delivered == null ? null : Megawatts.of(delivered),
                delivered == null ? null : Megawatts.of(delivered - target), List.of(), null, null, null);
    }

    /** 4 MW and -2 MW promised for a quarter each: 1 - 0.5 = 0.5 MWh. Only the first slot measured so far. */
    @Test
    void targetCountsEverySlotAndDeliveryOnlyTheSlotsMeasuredSoFar() {
        DispatchTotals totals = DispatchFigures.totals(List.of(slot(0, 4, 3.6), slot(1, -2, null)), QUARTER, null, null);

        assertThat(totals.target().value()).isCloseTo(0.5, within(1e-12));
        assertThat(totals.delivered().value()).isCloseTo(0.9, within(1e-12));   // 3.6 MW x 0.25 h
        assertThat(totals.deviation().value()).isCloseTo(-0.1, within(1e-12));  // -0.4 MW x 0.25 h
        assertThat(totals.revenueEur()).isNull();
        assertThat(totals.totalEur()).isNull();
    }

    @Test
    void nothingMeasuredYetLeavesDeliveryAndDeviationUnknown() {
        DispatchTotals totals = DispatchFigures.totals(List.of(slot(0, 4, null)), QUARTER, null, null);

        assertThat(totals.target().value()).isCloseTo(1.0, within(1e-12));
        assertThat(totals.delivered()).isNull();
        assertThat(totals.deviation()).isNull();
    }

    @Test
    void aDaysTotalsAreTheSumOfItsDispatchesToTheCent() {
        DispatchTotals a = new DispatchTotals(MegawattHours.of(2), MegawattHours.of(1.9), MegawattHours.of(-0.1),
                new BigDecimal("120.10"), new BigDecimal("-3.05"));
        DispatchTotals b = new DispatchTotals(MegawattHours.of(1), MegawattHours.of(1.2), MegawattHours.of(0.2),
                new BigDecimal("60.01"), new BigDecimal("1.00"));

        DispatchTotals sum = DispatchFigures.sum(List.of(a, b));

        assertThat(sum.target().value()).isCloseTo(3.0, within(1e-12));
        assertThat(sum.delivered().value()).isCloseTo(3.1, within(1e-12));
        assertThat(sum.deviation().value()).isCloseTo(0.1, within(1e-12));
        assertThat(sum.revenueEur()).isEqualByComparingTo("180.11");
        assertThat(sum.imbalanceEur()).isEqualByComparingTo("-2.05");
        assertThat(sum.totalEur()).isEqualByComparingTo("178.06");
    }
}
