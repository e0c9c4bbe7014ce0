package org.vpp.command.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.command.bid.BidFixtures.BUY_HOUR;
import static org.vpp.command.bid.BidFixtures.CLEARED_AT;
import static org.vpp.command.bid.BidFixtures.CLOSED_AT;
import static org.vpp.command.bid.BidFixtures.DELIVERY_END;
import static org.vpp.command.bid.BidFixtures.DELIVERY_START;
import static org.vpp.command.bid.BidFixtures.DRAFTED_AT;
import static org.vpp.command.bid.BidFixtures.FETCHED_AT;
import static org.vpp.command.bid.BidFixtures.GATE;
import static org.vpp.command.bid.BidFixtures.HOUR;
import static org.vpp.command.bid.BidFixtures.ID;
import static org.vpp.command.bid.BidFixtures.OPENED_AT;
import static org.vpp.command.bid.BidFixtures.PREPARED_AT;
import static org.vpp.command.bid.BidFixtures.RULE;
import static org.vpp.command.bid.BidFixtures.SENT_AT;
import static org.vpp.command.bid.BidFixtures.bidSlots;
import static org.vpp.command.bid.BidFixtures.bidSlotsWith;
import static org.vpp.command.bid.BidFixtures.clearedInFull;
import static org.vpp.command.bid.BidFixtures.clearedNothing;
import static org.vpp.command.bid.BidFixtures.clearedPartly;
import static org.vpp.command.bid.BidFixtures.draft;
import static org.vpp.command.bid.BidFixtures.drafted;
import static org.vpp.command.bid.BidFixtures.flexibility;
import static org.vpp.command.bid.BidFixtures.inputs;
import static org.vpp.command.bid.BidFixtures.inputsFetched;
import static org.vpp.command.bid.BidFixtures.open;
import static org.vpp.command.bid.BidFixtures.opened;
import static org.vpp.command.bid.BidFixtures.result;
import static org.vpp.command.bid.BidFixtures.schedule;
import static org.vpp.command.bid.BidFixtures.schedulePrepared;
import static org.vpp.command.bid.BidFixtures.slot;
import static org.vpp.command.bid.BidFixtures.submit;
import static org.vpp.command.bid.BidFixtures.submitted;
import static org.vpp.command.bid.BidFixtures.untilSubmitted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vpp.command.common.Decision;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/** Every rule of {@link BidDecisions}, each with a case where it fires and one where it must not. */
class BidDecisionsTest {

    static BidState after(Object... events) {
        BidState state = null;
        for (Object e : events) {
            state = state == null ? BidState.opened((org.vpp.messages.bid.BiddingCycleOpened) e) : state.evolve((BidEvent) e);
        }
        return state;
    }

    static Object[] plus(Object[] events, Object... more) {
        List<Object> all = new ArrayList<>(List.of(events));
        all.addAll(List.of(more));
        return all.toArray();
    }

    static CommandRejection rejection(Decision<BidEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<BidEvent>) decision).rejection();
    }

    static List<BidEvent> events(Decision<BidEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<BidEvent>) decision).events();
    }

    // --- Opening ---------------------------------------------------------------------------------------------
    @Test
    void aWellFormedCycleIsOpened() {
        assertThat(events(BidDecisions.open(null, open()))).containsExactly(opened());
    }

    @Test
    void aDayThatAlreadyHasACycleIsRefusedAsADuplicate() {
        var refusal = rejection(BidDecisions.open(after(opened()), open()));
        assertThat(refusal.code()).isEqualTo(RejectionCode.DUPLICATE);
        assertThat(refusal.field()).isEqualTo("bidId");
    }

    @Test
    void halfHourSlotsAreRefused() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, Duration.ofMinutes(30), GATE);
        assertThat(rejection(BidDecisions.open(null, cmd)).field()).isEqualTo("slotLength");
    }

    @Test
    void quarterHourSlotsAreAccepted() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, Duration.ofMinutes(15), GATE);
        assertThat(events(BidDecisions.open(null, cmd))).hasSize(1);
    }

    @Test
    void aDeliveryStartingTwoDaysEarlyIsNotTheDeliveryDay() {
        var start = DELIVERY_START.minus(Duration.ofDays(1));
        var cmd = new OpenBiddingCycle(ID, OPENED_AT.minus(Duration.ofDays(2)), start, start.plus(Duration.ofHours(24)),
                HOUR, GATE.minus(Duration.ofDays(2)));
        assertThat(rejection(BidDecisions.open(null, cmd)).field()).isEqualTo("deliveryStart");
    }

    @Test
    void aDeliveryStartingAtMidnightInTokyoIsTheDeliveryDay() {
        var start = Instant.parse("2026-06-15T15:00:00Z");
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, start, start.plus(Duration.ofHours(24)), HOUR, start);
        assertThat(events(BidDecisions.open(null, cmd))).hasSize(1);
    }

    @Test
    void aTwentySixHourDayIsRefused() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_START.plus(Duration.ofHours(26)), HOUR, GATE);
        assertThat(rejection(BidDecisions.open(null, cmd)).field()).isEqualTo("deliveryEnd");
    }

    @Test
    void theTwentyFiveHourDayWhenClocksGoBackIsAccepted() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_START.plus(Duration.ofHours(25)), HOUR, GATE);
        assertThat(events(BidDecisions.open(null, cmd))).hasSize(1);
    }

    @Test
    void aDeliveryThatIsNotAWholeNumberOfSlotsIsRefused() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END.minus(Duration.ofMinutes(15)), HOUR, GATE);
        assertThat(rejection(BidDecisions.open(null, cmd)).field()).isEqualTo("deliveryEnd");
    }

    @Test
    void aGateClosingAfterDeliveryStartsIsRefused() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, HOUR, DELIVERY_START.plusSeconds(1));
        assertThat(rejection(BidDecisions.open(null, cmd)).field()).isEqualTo("gateClosure");
    }

    @Test
    void aGateClosingAsDeliveryStartsIsAccepted() {
        var cmd = new OpenBiddingCycle(ID, OPENED_AT, DELIVERY_START, DELIVERY_END, HOUR, DELIVERY_START);
        assertThat(events(BidDecisions.open(null, cmd))).hasSize(1);
    }

    @Test
    void openingAtGateClosureIsRejectedForNoCycleExistsToRecordItOn() {
        var cmd = new OpenBiddingCycle(ID, GATE, DELIVERY_START, DELIVERY_END, HOUR, GATE);
        var refusal = rejection(BidDecisions.open(null, cmd));
        assertThat(refusal.field()).isEqualTo("openedAt");
        assertThat(refusal.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void openingASecondBeforeGateClosureIsAccepted() {
        var cmd = new OpenBiddingCycle(ID, GATE.minusSeconds(1), DELIVERY_START, DELIVERY_END, HOUR, GATE);
        assertThat(events(BidDecisions.open(null, cmd))).hasSize(1);
    }

    // --- Inputs ----------------------------------------------------------------------------------------------
    @Test
    void inputsOfAnOpenCycleAreRecordedWithTheirReferences() {
        assertThat(events(BidDecisions.recordInputs(after(opened()), inputs()))).containsExactly(inputsFetched());
    }

    @Test
    void inputsFetchedTwiceAreRefusedAsOutOfOrder() {
        var refusal = rejection(BidDecisions.recordInputs(after(opened(), inputsFetched()), inputs()));
        assertThat(refusal.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void inputsForACycleNeverOpenedAreRefused() {
        assertThat(rejection(BidDecisions.recordInputs(null, inputs())).code()).isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void inputsFetchedBeforeTheOpeningAreRefusedAsTimeGoingBackwards() {
        var cmd = new org.vpp.messages.bid.RecordBidInputs(ID, OPENED_AT.minusSeconds(1), BidFixtures.SNAPSHOT, 1_000,
                BidFixtures.PRICE_FORECAST, BidFixtures.DEVICE_FORECASTS, flexibility());
        assertThat(rejection(BidDecisions.recordInputs(after(opened()), cmd)).field()).isEqualTo("fetchedAt");
    }

    @Test
    void flexibilityMissingAnHourIsRefused() {
        var refusal = rejection(BidDecisions.recordInputs(after(opened()), inputs(flexibility().subList(0, 23))));
        assertThat(refusal.field()).isEqualTo("flexibility");
        assertThat(refusal.message()).isEqualTo("must hold one entry per delivery slot: 24 expected, got 23");
    }

    @Test
    void flexibilityOffTheDeliveryGridNamesTheSlot() {
        List<SlotFlexibility> flex = new ArrayList<>(flexibility());
        flex.set(5, new SlotFlexibility(slot(5).plusSeconds(60), Megawatts.of(5), Megawatts.of(3)));
        assertThat(rejection(BidDecisions.recordInputs(after(opened()), inputs(flex))).field()).isEqualTo("flexibility[5].start");
    }

    @Test
    void negativeFlexibilityIsRefusedForItIsAMagnitude() {
        List<SlotFlexibility> flex = new ArrayList<>(flexibility());
        flex.set(0, new SlotFlexibility(slot(0), Megawatts.of(5), Megawatts.of(-3)));
        assertThat(rejection(BidDecisions.recordInputs(after(opened()), inputs(flex))).field()).isEqualTo("flexibility[0].down");
    }

    @Test
    void noFlexibilityAtAllIsAValidInput() {
        var none = BidFixtures.perSlot(i -> new SlotFlexibility(slot(i), Megawatts.ZERO, Megawatts.ZERO));
        assertThat(events(BidDecisions.recordInputs(after(opened()), inputs(none)))).hasSize(1);
    }

    @Test
    void aPriceForecastHashThatIsNotSha256IsRefused() {
        var cmd = new org.vpp.messages.bid.RecordBidInputs(ID, FETCHED_AT, BidFixtures.SNAPSHOT, 1_000,
                new ForecastReference(BidFixtures.PRICE_FORECAST.forecastId(), "holt-winters", "ABC", false),
                BidFixtures.DEVICE_FORECASTS, flexibility());
        assertThat(rejection(BidDecisions.recordInputs(after(opened()), cmd)).field()).isEqualTo("priceForecast.sha256");
    }

    // --- Schedule --------------------------------------------------------------------------------------------
    @Test
    void aScheduleAfterTheInputsIsRecordedWithScoreRevenueGapAndSolver() {
        assertThat(events(BidDecisions.recordSchedule(after(opened(), inputsFetched()), schedule())))
                .containsExactly(schedulePrepared());
    }

    @Test
    void aScheduleBeforeTheInputsIsRefusedAsOutOfOrder() {
        var refusal = rejection(BidDecisions.recordSchedule(after(opened()), schedule()));
        assertThat(refusal.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
        assertThat(refusal.message()).isEqualTo("cannot record a schedule when the cycle is OPENED; allowed when [INPUTS_FETCHED]");
    }

    @Test
    void aNegativeGapIsRefused() {
        var cmd = new RecordSchedule(ID, PREPARED_AT, BidFixtures.SCHEDULE, BidFixtures.plan(), "0hard/-12soft", 1_840.5,
                -0.01, BidFixtures.SOLVER);
        assertThat(rejection(BidDecisions.recordSchedule(after(opened(), inputsFetched()), cmd)).field()).isEqualTo("gapToBound");
    }

    @Test
    void aScheduleWithoutABoundToMeasureAGapIsAccepted() {
        var cmd = new RecordSchedule(ID, PREPARED_AT, BidFixtures.SCHEDULE, BidFixtures.plan(), "0hard/-12soft", 1_840.5,
                null, BidFixtures.SOLVER);
        assertThat(events(BidDecisions.recordSchedule(after(opened(), inputsFetched()), cmd))).hasSize(1);
    }

    @Test
    void aNonFiniteRevenueIsRefused() {
        var cmd = new RecordSchedule(ID, PREPARED_AT, BidFixtures.SCHEDULE, BidFixtures.plan(), "0hard/-12soft", Double.NaN,
                0.0, BidFixtures.SOLVER);
        assertThat(rejection(BidDecisions.recordSchedule(after(opened(), inputsFetched()), cmd)).field())
                .isEqualTo("expectedRevenueEur");
    }

    // --- Drafting --------------------------------------------------------------------------------------------
    private final BidState scheduled = after(opened(), inputsFetched(), schedulePrepared());

    @Test
    void aDraftWithinTheFlexibilityIsRecorded() {
        assertThat(events(BidDecisions.draft(scheduled, draft()))).containsExactly(drafted());
    }

    @Test
    void aSaleOfExactlyTheUpwardFlexibilityIsWithinIt() {
        assertThat(events(BidDecisions.draft(scheduled, draft(bidSlotsWith(7, 5.0))))).singleElement()
                .isInstanceOf(BidDrafted.class);
    }

    @Test
    void aSaleBeyondTheUpwardFlexibilityIsRecordedAsARefusedDraft() {
        var attempted = bidSlotsWith(7, 5.5);
        assertThat(events(BidDecisions.draft(scheduled, draft(attempted)))).containsExactly(
                new BidDraftRefused(ID, DRAFTED_AT, attempted,
                        List.of(new FlexibilityBreach(slot(7), Megawatts.of(5.5), Megawatts.of(5)))));
    }

    @Test
    void aPurchaseOfExactlyTheDownwardFlexibilityIsWithinIt() {
        assertThat(events(BidDecisions.draft(scheduled, draft(bidSlotsWith(BUY_HOUR, -3.0))))).singleElement()
                .isInstanceOf(BidDrafted.class);
    }

    @Test
    void aPurchaseBeyondTheDownwardFlexibilityIsMeasuredAgainstDownNotUp() {
        var attempted = bidSlotsWith(BUY_HOUR, -3.5);
        var refused = (BidDraftRefused) events(BidDecisions.draft(scheduled, draft(attempted))).getFirst();
        assertThat(refused.breaches()).containsExactly(
                new FlexibilityBreach(slot(BUY_HOUR), Megawatts.of(-3.5), Megawatts.of(3)));
    }

    @Test
    void aRefusedDraftLeavesTheCycleReadyForAnotherDraft() {
        var afterRefusal = scheduled.evolve(events(BidDecisions.draft(scheduled, draft(bidSlotsWith(7, 9)))).getFirst());
        assertThat(afterRefusal.phase()).isEqualTo(BidPhase.SCHEDULE_PREPARED);
        assertThat(events(BidDecisions.draft(afterRefusal, draft()))).containsExactly(drafted());
    }

    @Test
    void aNewDraftReplacesTheLastUntilSubmission() {
        var redraft = draft(bidSlotsWith(7, 4));
        assertThat(events(BidDecisions.draft(after(opened(), inputsFetched(), schedulePrepared(), drafted()), redraft)))
                .singleElement().isInstanceOf(BidDrafted.class);
    }

    @Test
    void aDraftBeforeTheScheduleIsRefusedAsOutOfOrder() {
        assertThat(rejection(BidDecisions.draft(after(opened(), inputsFetched()), draft())).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void aDraftAfterSubmissionIsRefusedAsOutOfOrder() {
        assertThat(rejection(BidDecisions.draft(after(untilSubmitted()), draft())).code()).isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void aNonFiniteLimitPriceIsMalformed() {
        List<BidSlot> slots = new ArrayList<>(bidSlots());
        slots.set(2, new BidSlot(slot(2), Megawatts.of(1), EurPerMwh.of(Double.NaN)));
        assertThat(rejection(BidDecisions.draft(scheduled, draft(slots))).field()).isEqualTo("slots[2].limitPrice");
    }

    @Test
    void aDraftWithoutItsPricingRuleIsRefused() {
        var cmd = new org.vpp.messages.bid.DraftBid(ID, DRAFTED_AT, bidSlots(), " ");
        assertThat(rejection(BidDecisions.draft(scheduled, cmd)).field()).isEqualTo("pricingRule");
    }

    // --- Submitting ------------------------------------------------------------------------------------------
    private final BidState drafted = after(opened(), inputsFetched(), schedulePrepared(), drafted());

    @Test
    void aDraftSentBeforeGateClosureIsSubmittedAsDrafted() {
        assertThat(events(BidDecisions.submit(drafted, submit(SENT_AT)))).containsExactly(submitted());
    }

    @Test
    void aDraftSentOneSecondBeforeGateClosureIsSubmitted() {
        assertThat(events(BidDecisions.submit(drafted, submit(GATE.minusSeconds(1))))).singleElement()
                .isInstanceOf(BidSubmitted.class);
    }

    @Test
    void aDraftSentAtGateClosureIsRecordedAsRefusedForTheGateClosed() {
        assertThat(events(BidDecisions.submit(drafted, submit(GATE)))).containsExactly(new BidSubmissionRefused(ID, GATE,
                SubmissionRefusal.GATE_CLOSED, "sent at 2026-06-15T10:00:00Z, the gate closed at 2026-06-15T10:00:00Z"));
    }

    @Test
    void aLateRefusalLeavesTheBidUnsubmitted() {
        var refused = drafted.evolve(events(BidDecisions.submit(drafted, submit(GATE.plusSeconds(5)))).getFirst());
        assertThat(refused.phase()).isEqualTo(BidPhase.DRAFTED);
    }

    @Test
    void aSecondSubmissionIsRecordedAsRefused() {
        var again = SENT_AT.plusSeconds(60);
        assertThat(events(BidDecisions.submit(after(untilSubmitted()), submit(again)))).containsExactly(
                new BidSubmissionRefused(ID, again, SubmissionRefusal.ALREADY_SUBMITTED,
                        "the bid DE-LU:2026-06-16 was already submitted; the market takes one bid per zone and day"));
    }

    @Test
    void aSubmissionAfterTheMarketAnsweredIsStillASecondSubmission() {
        var cleared = after(plus(untilSubmitted(), new BidAccepted(ID, CLEARED_AT, clearedInFull())));
        var refused = (BidSubmissionRefused) events(BidDecisions.submit(cleared, submit(CLOSED_AT))).getFirst();
        assertThat(refused.reason()).isEqualTo(SubmissionRefusal.ALREADY_SUBMITTED);
    }

    @Test
    void submittingWithNothingDraftedIsRefusedAsOutOfOrder() {
        var refusal = rejection(BidDecisions.submit(after(opened(), inputsFetched(), schedulePrepared()), submit(SENT_AT)));
        assertThat(refusal.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
        assertThat(refusal.message()).isEqualTo("cannot submit: nothing is drafted yet, the cycle is SCHEDULE_PREPARED");
    }

    @Test
    void submittingOnAClosedCycleIsRefused() {
        var closed = after(plus(untilSubmitted(), new BidAccepted(ID, CLEARED_AT, clearedInFull()),
                new BiddingCycleClosed(ID, CLOSED_AT, MarketOutcome.ACCEPTED)));
        assertThat(rejection(BidDecisions.submit(closed, submit(CLOSED_AT))).message())
                .isEqualTo("cannot submit: the cycle DE-LU:2026-06-16 is CLOSED");
    }

    @Test
    void aSubmissionStampedBeforeTheDraftIsRefusedAsTimeGoingBackwards() {
        assertThat(rejection(BidDecisions.submit(drafted, submit(DRAFTED_AT.minusSeconds(1)))).field()).isEqualTo("sentAt");
    }

    // --- MarketResult ----------------------------------------------------------------------------------------
    private final BidState submitted = after(untilSubmitted());

    @Test
    void everySlotClearedInFullIsAccepted() {
        assertThat(events(BidDecisions.recordResult(submitted, result(clearedInFull()))))
                .containsExactly(new BidAccepted(ID, CLEARED_AT, clearedInFull()));
    }

    @Test
    void nothingClearedIsRejected() {
        assertThat(events(BidDecisions.recordResult(submitted, result(clearedNothing()))))
                .containsExactly(new BidRejected(ID, CLEARED_AT, clearedNothing()));
    }

    @Test
    void oneSlotClearedInPartIsPartiallyAccepted() {
        assertThat(events(BidDecisions.recordResult(submitted, result(clearedPartly()))))
                .containsExactly(new BidPartiallyAccepted(ID, CLEARED_AT, clearedPartly()));
    }

    @Test
    void clearingMoreThanOfferedIsMalformed() {
        List<ClearedSlot> slots = new ArrayList<>(clearedInFull());
        slots.set(4, new ClearedSlot(slot(4), Megawatts.of(2.5), EurPerMwh.of(61)));
        assertThat(rejection(BidDecisions.recordResult(submitted, result(slots))).field()).isEqualTo("slots[4].cleared");
    }

    @Test
    void clearingAPurchaseAsASaleIsMalformed() {
        List<ClearedSlot> slots = new ArrayList<>(clearedInFull());
        slots.set(BUY_HOUR, new ClearedSlot(slot(BUY_HOUR), Megawatts.of(1), EurPerMwh.of(25)));
        assertThat(rejection(BidDecisions.recordResult(submitted, result(slots))).field()).isEqualTo("slots[3].cleared");
    }

    @Test
    void aResultBeforeSubmissionIsRefusedAsOutOfOrder() {
        var drafted = after(opened(), inputsFetched(), schedulePrepared(), drafted());
        assertThat(rejection(BidDecisions.recordResult(drafted, result(clearedInFull()))).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    // --- Ending ----------------------------------------------------------------------------------------------
    @Test
    void aCycleWithItsMarketResultClosesWithTheOutcome() {
        var cleared = after(plus(untilSubmitted(), new BidPartiallyAccepted(ID, CLEARED_AT, clearedPartly())));
        assertThat(events(BidDecisions.close(cleared, new CloseBiddingCycle(ID, CLOSED_AT))))
                .containsExactly(new BiddingCycleClosed(ID, CLOSED_AT, MarketOutcome.PARTIALLY_ACCEPTED));
    }

    @Test
    void aCycleWithoutItsMarketResultCannotClose() {
        assertThat(rejection(BidDecisions.close(after(untilSubmitted()), new CloseBiddingCycle(ID, CLOSED_AT))).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void aCycleWaitingForTheMarketMayBeAbortedWithItsReason() {
        var abort = new AbortBiddingCycle(ID, CLOSED_AT, " market silent until the deadline ");
        assertThat(events(BidDecisions.abort(after(untilSubmitted()), abort)))
                .containsExactly(new BiddingCycleAborted(ID, CLOSED_AT, "market silent until the deadline"));
    }

    @Test
    void aClearedCycleCannotBeAbortedForWhatClearedMustBeDelivered() {
        var cleared = after(plus(untilSubmitted(), new BidAccepted(ID, CLEARED_AT, clearedInFull())));
        assertThat(rejection(BidDecisions.abort(cleared, new AbortBiddingCycle(ID, CLOSED_AT, "changed my mind"))).code())
                .isEqualTo(RejectionCode.NOT_ALLOWED);
    }

    @Test
    void aDeadlinesAbortHoldsOnlyWhileTheCycleIsStillAtTheStepItWaitedFor() {
        var inputsOverdue = new AbortBiddingCycle(ID, CLOSED_AT, "no inputs were recorded in time", BidStatus.OPEN);
        assertThat(events(BidDecisions.abort(after(opened()), inputsOverdue)))
                .containsExactly(new BiddingCycleAborted(ID, CLOSED_AT, "no inputs were recorded in time"));

        var refused = rejection(BidDecisions.abort(after(untilSubmitted()), inputsOverdue));
        assertThat(refused.code()).isEqualTo(RejectionCode.NOT_ALLOWED);
        assertThat(refused.field()).isEqualTo("onlyIfStillAt");
        assertThat(refused.message()).contains("moved on from OPEN to SUBMITTED");
    }

    @Test
    void anAbortWithoutAReasonIsRefused() {
        assertThat(rejection(BidDecisions.abort(after(opened()), new AbortBiddingCycle(ID, CLOSED_AT, ""))).field())
                .isEqualTo("reason");
    }
}
