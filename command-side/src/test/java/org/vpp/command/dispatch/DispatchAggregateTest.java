package org.vpp.command.dispatch;

import static org.vpp.command.dispatch.DispatchFixtures.BID;
import static org.vpp.command.dispatch.DispatchFixtures.MANUAL;
import static org.vpp.command.dispatch.DispatchFixtures.MARKET;
import static org.vpp.command.dispatch.DispatchFixtures.MEASURED;
import static org.vpp.command.dispatch.DispatchFixtures.PLAN;
import static org.vpp.command.dispatch.DispatchFixtures.PLANNED_AT;
import static org.vpp.command.dispatch.DispatchFixtures.QUARTER;
import static org.vpp.command.dispatch.DispatchFixtures.SLOT_1;
import static org.vpp.command.dispatch.DispatchFixtures.SLOT_2;
import static org.vpp.command.dispatch.DispatchFixtures.delivered;
import static org.vpp.command.dispatch.DispatchFixtures.dispatched;
import static org.vpp.command.dispatch.DispatchFixtures.marketSlots;
import static org.vpp.command.dispatch.DispatchFixtures.planManual;
import static org.vpp.command.dispatch.DispatchFixtures.planMarket;
import static org.vpp.command.dispatch.DispatchFixtures.settle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.CommandRejectedException;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.dispatch.CancelDispatch;
import org.vpp.messages.dispatch.CompleteDispatch;
import org.vpp.messages.dispatch.DispatchCancelled;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.SettleDispatch;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;

/** The wiring of the Dispatch aggregate: its life from plan to settlement, its idempotent steps, and its refusals. */
class DispatchAggregateTest {

    private AggregateTestFixture<Dispatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispatch.class);
    }

    @Test
    void aMarketDispatchIsPlannedWithItsTargetsAndClearingPrices() {
        fixture.givenNoPriorActivity()
                .when(planMarket())
                .expectEvents(new DispatchPlanned(MARKET, PLANNED_AT, DispatchKind.MARKET, BID, "portfolio", QUARTER,
                        marketSlots(), PLAN, 12, null, List.of(), Megawatts.ZERO, null));
    }

    @Test
    void aDispatchIsPlannedOnceAndASecondPlanIsADuplicate() {
        fixture.givenCommands(planMarket())
                .when(planMarket())
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aSlotIsDispatchedOnceAndTheSameSlotAgainRecordsNothing() {
        fixture.givenCommands(planMarket())
                .when(dispatched(SLOT_1))
                .expectEvents(new SlotDispatched(MARKET, SLOT_1.minusSeconds(60), SLOT_1, 10, List.of(), List.of(), Megawatts.ZERO));
        fixture.givenCommands(planMarket(), dispatched(SLOT_1))
                .when(dispatched(SLOT_1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeliveryIsMeasuredAgainstTheSlotsTargetAndItsDeviationComputedByTheAggregate() {
        // Slot 1 targets 2 MW; 1.8 MW delivered is 0.2 MW short.
        fixture.givenCommands(planMarket(), dispatched(SLOT_1))
                .when(delivered(SLOT_1, 1.8))
                .expectEvents(new SlotDelivered(MARKET, SLOT_1.plus(QUARTER).plusSeconds(300), SLOT_1, Megawatts.of(2),
                        Megawatts.of(1.8), Megawatts.of(1.8 - 2), List.of(), MEASURED, 150, 0));
    }

    @Test
    void aSlotIsNotMeasuredBeforeItEnds() {
        fixture.givenCommands(planMarket())
                .when(new RecordSlotDelivery(MARKET, SLOT_1.plusSeconds(60), SLOT_1, Megawatts.of(1), List.of(), MEASURED, 1, 0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aSlotOffTheDispatchsGridIsRefusedNamingTheField() {
        fixture.givenCommands(planMarket())
                .when(new RecordSlotDispatched(MARKET, PLANNED_AT, SLOT_1.plusSeconds(60), 1, List.of(), List.of(), Megawatts.ZERO))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("slotStart"));
    }

    @Test
    void completionWaitsForEverySlotToBeMeasured() {
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.8))
                .when(new CompleteDispatch(MARKET, SLOT_2.plus(Duration.ofHours(1))))
                .expectException(CommandRejectedException.class);
        // Deviations 1.75 - 2 = -0.25 and -1 - (-1) = 0 -> mean -0.125 MW.
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.75), delivered(SLOT_2, -1))
                .when(new CompleteDispatch(MARKET, SLOT_2.plus(Duration.ofHours(1))))
                .expectEvents(new DispatchCompleted(MARKET, SLOT_2.plus(Duration.ofHours(1)), 2, Megawatts.of(-0.125)));
    }

    @Test
    void settlementFollowsCompletionOnceAndItsTotalsAreTheSumsOfItsSlots() {
        Instant done = SLOT_2.plus(Duration.ofHours(1));
        SettleDispatch s = settle();
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.8), delivered(SLOT_2, -1), new CompleteDispatch(MARKET, done))
                .when(s)
                .expectEvents(new DispatchSettled(MARKET, s.at(), s.deliveryDay(), s.slots(), s.nodes(), s.perAsset(),
                        new BigDecimal("26.00"), new BigDecimal("-1.00"), s.pricing()));
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.8), delivered(SLOT_2, -1), new CompleteDispatch(MARKET, done), s)
                .when(s)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        SettleDispatch wrongTotal = new SettleDispatch(MARKET, s.at(), s.deliveryDay(), s.slots(), s.nodes(), s.perAsset(),
                new BigDecimal("26.01"), s.imbalanceEur(), s.pricing());
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.8), delivered(SLOT_2, -1), new CompleteDispatch(MARKET, done))
                .when(wrongTotal)
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("revenueEur"));
    }

    @Test
    void settlementBeforeCompletionIsRefused() {
        fixture.givenCommands(planMarket(), delivered(SLOT_1, 1.8), delivered(SLOT_2, -1))
                .when(settle())
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aManualDispatchIsCancelledAndItsLaterSlotsNoLongerRun() {
        Instant at = Instant.parse("2026-06-16T09:55:00Z");
        Instant start = Instant.parse("2026-06-16T10:00:00Z");
        Instant cancelAt = start.plus(Duration.ofMinutes(20)); // during the second slot
        fixture.givenCommands(planManual(at, start, 2))
                .when(new CancelDispatch(MANUAL, cancelAt, "frequency restored"))
                .expectEvents(new DispatchCancelled(MANUAL, cancelAt, "frequency restored"));
        // After the cancel, the third slot cannot be dispatched; completion needs the two slots that ran.
        fixture.givenCommands(planManual(at, start, 2), new CancelDispatch(MANUAL, cancelAt, "frequency restored"))
                .when(new RecordSlotDispatched(MANUAL, cancelAt, start.plus(QUARTER.multipliedBy(2)), 1, List.of(), List.of(), Megawatts.ZERO))
                .expectException(CommandRejectedException.class);
        Instant later = start.plus(Duration.ofHours(1));
        fixture.givenCommands(planManual(at, start, 2), new CancelDispatch(MANUAL, cancelAt, "frequency restored"),
                        new RecordSlotDelivery(MANUAL, later, start, Megawatts.of(1.5), List.of(), MEASURED, 15, 0),
                        new RecordSlotDelivery(MANUAL, later, start.plus(QUARTER), Megawatts.of(1.0), List.of(), MEASURED, 15, 0))
                .when(new CompleteDispatch(MANUAL, later))
                .expectEvents(new DispatchCompleted(MANUAL, later, 2, Megawatts.of((0 - 0.5) / 2)));
    }

    @Test
    void aMarketDispatchCannotBeCancelled() {
        fixture.givenCommands(planMarket())
                .when(new CancelDispatch(MARKET, PLANNED_AT.plusSeconds(60), "no"))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aCancellationWithControlCharactersInItsReasonChangesNothing() {
        Instant at = Instant.parse("2026-06-16T09:55:00Z");
        fixture.givenCommands(planManual(at, at.plusSeconds(300), 2))
                .when(new CancelDispatch(MANUAL, at.plusSeconds(60), "stop\u0000"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reason"))
                .expectNoEvents();
    }

    @Test
    void absurdTargetsPricesAndTimestampsAreRefusedNamingTheField() {
        List<DispatchSlot> absurdTarget = List.of(new DispatchSlot(SLOT_1, Megawatts.of(1e9), EurPerMwh.of(80)));
        List<DispatchSlot> absurdPrice = List.of(new DispatchSlot(SLOT_1, Megawatts.of(1), EurPerMwh.of(1e12)));
        List<DispatchSlot> yearZero = List.of(new DispatchSlot(Instant.parse("0000-01-01T00:00:00Z"), Megawatts.of(1), EurPerMwh.of(8)));
        List<DispatchSlot> gap = new ArrayList<>(marketSlots());
        gap.set(1, new DispatchSlot(SLOT_2.plusSeconds(60), Megawatts.of(1), EurPerMwh.of(8)));
        for (var c : List.of(new Object[] {absurdTarget, "slots[0].target"}, new Object[] {absurdPrice, "slots[0].clearingPrice"},
                new Object[] {yearZero, "slots[0].start"}, new Object[] {gap, "slots[1].start"})) {
            @SuppressWarnings("unchecked") List<DispatchSlot> slots = (List<DispatchSlot>) c[0];
            fixture.givenNoPriorActivity()
                    .when(new PlanDispatch(MARKET, PLANNED_AT, DispatchKind.MARKET, BID, "portfolio", QUARTER, slots, PLAN, 1,
                            null, List.of(), Megawatts.ZERO, null))
                    .expectException(CommandRejectedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString((String) c[1]))
                    .expectNoEvents();
        }
    }

    @Test
    void aManualDispatchNeedsANonZeroFiniteRequest() {
        Instant at = Instant.parse("2026-06-16T09:55:00Z");
        for (double requested : new double[] {0, Double.NaN, 1e7}) {
            fixture.givenNoPriorActivity()
                    .when(planManual(at, at.plusSeconds(300), requested))
                    .expectException(CommandRejectedException.class)
                    .expectNoEvents();
        }
        // The rejection is typed: INVALID_VALUE on "requested".
        try {
            DispatchDecisions.plan(null, planManual(at, at.plusSeconds(300), 0)).eventsOrThrow();
            throw new AssertionError("expected a rejection");
        } catch (CommandRejectedException e) {
            org.assertj.core.api.Assertions.assertThat(e.rejection().field()).isEqualTo("requested");
            org.assertj.core.api.Assertions.assertThat(e.rejection().code()).isEqualTo(RejectionCode.INVALID_VALUE);
        }
    }
}
