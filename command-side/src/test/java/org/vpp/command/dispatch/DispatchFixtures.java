package org.vpp.command.dispatch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.SettleDispatch;
import org.vpp.messages.dispatch.SlotSettlement;

/** A market dispatch of two quarter-hours on 2026-06-16 (planned the day before) and a manual one; fixed instants. */
final class DispatchFixtures {

    static final BidId BID = BidId.of("DE-LU:2026-06-16");
    static final DispatchId MARKET = DispatchId.forBid(BID);
    static final DispatchId MANUAL = DispatchId.manual("op-1");
    static final Instant PLANNED_AT = Instant.parse("2026-06-15T12:30:00Z");
    static final Instant SLOT_1 = Instant.parse("2026-06-15T22:00:00Z");
    static final Instant SLOT_2 = SLOT_1.plus(Duration.ofMinutes(15));
    static final Duration QUARTER = Duration.ofMinutes(15);
    static final ContentReference PLAN = ContentReference.of("dispatch-plan:" + "a".repeat(64), "a".repeat(64));
    static final ContentReference MEASURED = ContentReference.of("dispatch-measurement:" + "b".repeat(64), "b".repeat(64));

    private DispatchFixtures() {
    }

    static List<DispatchSlot> marketSlots() {
        return List.of(new DispatchSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(80)),
                new DispatchSlot(SLOT_2, Megawatts.of(-1), EurPerMwh.of(40)));
    }

    static PlanDispatch planMarket() {
        return new PlanDispatch(MARKET, PLANNED_AT, DispatchKind.MARKET, BID, "portfolio", QUARTER, marketSlots(), PLAN, 12,
                null, List.of(), Megawatts.ZERO, null);
    }

    static PlanDispatch planManual(Instant at, Instant start, double requested) {
        List<DispatchSlot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) slots.add(new DispatchSlot(start.plus(QUARTER.multipliedBy(i)), Megawatts.of(1.5), null));
        return new PlanDispatch(MANUAL, at, DispatchKind.MANUAL, null, "site-1", QUARTER, slots, PLAN, 2,
                Megawatts.of(requested), List.of(new AssetAllocation("bat-1", Megawatts.of(1.5), 5, Megawatts.of(1.5))),
                Megawatts.of(requested - 1.5), "frequency event");
    }

    static RecordSlotDispatched dispatched(Instant slot) {
        return new RecordSlotDispatched(MARKET, slot.minusSeconds(60), slot, 10, List.of(), List.of(), Megawatts.ZERO);
    }

    static RecordSlotDelivery delivered(Instant slot, double mw) {
        return new RecordSlotDelivery(MARKET, slot.plus(QUARTER).plusSeconds(300), slot, Megawatts.of(mw), List.of(), MEASURED, 150, 0);
    }

    /** Slot 1: 2 MW target, 1.8 delivered at 80 EUR, imbalance 100: 0.45 MWh x 80 = 36.00; -0.05 x 20 = -1.00. */
    static SettleDispatch settle() {
        List<SlotSettlement> slots = List.of(
                new SlotSettlement(SLOT_1, 0.5, 0.45, -0.05, 80, 100, "SHORT", new BigDecimal("36.00"), new BigDecimal("-1.00")),
                new SlotSettlement(SLOT_2, -0.25, -0.25, 0, 40, 30, "LONG", new BigDecimal("-10.00"), new BigDecimal("0.00")));
        return new SettleDispatch(MARKET, SLOT_2.plus(Duration.ofHours(1)), LocalDate.of(2026, 6, 16), slots, List.of(),
                MEASURED, new BigDecimal("26.00"), new BigDecimal("-1.00"), "day-ahead clearing price; single imbalance price");
    }
}
