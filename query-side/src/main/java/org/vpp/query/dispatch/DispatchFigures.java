package org.vpp.query.dispatch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.vpp.kernel.MegawattHours;
import org.vpp.messages.dispatch.DispatchSlotView;
import org.vpp.messages.dispatch.DispatchTotals;

/** A dispatch's totals from its slots, and a day's from its dispatches, as pure functions. */
public final class DispatchFigures {

    private DispatchFigures() {
    }

    /**
     * Each slot's power held for the slot's length: the target over every slot, delivered and deviation over the
     * slots measured so far (null before the first); the money as its settlement recorded it (null until then).
     */
    public static DispatchTotals totals(List<DispatchSlotView> slots, Duration slotLength, BigDecimal revenueEur,
                                        BigDecimal imbalanceEur) {
        MegawattHours target = MegawattHours.ZERO;
        MegawattHours delivered = null;
        MegawattHours deviation = null;
        for (DispatchSlotView slot : slots) {
            target = target.plus(slot.target().over(slotLength));
            if (slot.delivered() != null) {
                delivered = plus(delivered, slot.delivered().over(slotLength));
                deviation = plus(deviation, slot.deviation().over(slotLength));
            }
        }
        return new DispatchTotals(target, delivered, deviation, revenueEur, imbalanceEur);
    }

    /** The sum of several dispatches' totals; a value missing in every one of them stays null. */
    public static DispatchTotals sum(List<DispatchTotals> totals) {
        MegawattHours target = MegawattHours.ZERO;
        MegawattHours delivered = null;
        MegawattHours deviation = null;
        BigDecimal revenue = null;
        BigDecimal imbalance = null;
        for (DispatchTotals t : totals) {
            target = target.plus(t.target());
            delivered = plus(delivered, t.delivered());
            deviation = plus(deviation, t.deviation());
            revenue = plus(revenue, t.revenueEur());
            imbalance = plus(imbalance, t.imbalanceEur());
        }
        return new DispatchTotals(target, delivered, deviation, revenue, imbalance);
    }

    private static MegawattHours plus(MegawattHours sum, MegawattHours value) {
        if (value == null) return sum;
        return sum == null ? value : sum.plus(value);
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        if (value == null) return sum;
        return sum == null ? value : sum.add(value);
    }
}
