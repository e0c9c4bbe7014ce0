package org.vpp.command.bid;

import static org.vpp.command.bid.BidFixtures.BUY_HOUR;
import static org.vpp.command.bid.BidFixtures.CLEARED_AT;
import static org.vpp.command.bid.BidFixtures.CLOSED_AT;
import static org.vpp.command.bid.BidFixtures.DELIVERY_END;
import static org.vpp.command.bid.BidFixtures.DELIVERY_START;
import static org.vpp.command.bid.BidFixtures.DRAFTED_AT;
import static org.vpp.command.bid.BidFixtures.GATE;
import static org.vpp.command.bid.BidFixtures.HOUR;
import static org.vpp.command.bid.BidFixtures.ID;
import static org.vpp.command.bid.BidFixtures.SENT_AT;
import static org.vpp.command.bid.BidFixtures.bidSlotsWith;
import static org.vpp.command.bid.BidFixtures.clearedInFull;
import static org.vpp.command.bid.BidFixtures.clearedNothing;
import static org.vpp.command.bid.BidFixtures.clearedPartly;
import static org.vpp.command.bid.BidFixtures.draft;
import static org.vpp.command.bid.BidFixtures.drafted;
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

import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.command.common.CommandRejectedException;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.MarketOutcome;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;

/**
 * The wiring of the Bid aggregate: the happy cycle step by step, and every refusal, each shown as what it is: a
 * recorded fact (the command succeeds and the refusal is an event) or a rejected command (nothing recorded).
 */
class BidAggregateTest {

    private AggregateTestFixture<Bid> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bid.class);
    }

    // --- the happy cycle ------------------------------------------------------------------------------------------

    @Test
    void theWholeCycleRunsThroughItsCommandsFromOpeningToClose() {
        fixture.givenCommands(open(), inputs(), schedule(), draft(), submit(SENT_AT), result(clearedInFull()))
                .when(new CloseBiddingCycle(ID, CLOSED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BiddingCycleClosed(ID, CLOSED_AT, MarketOutcome.ACCEPTED));
    }

    @Test
    void openingADayStartsItsCycle() {
        fixture.givenNoPriorActivity()
                .when(open())
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void theInputsOfAnOpenCycleAreRecorded() {
        fixture.given(opened())
                .when(inputs())
                .expectEvents(inputsFetched());
    }

    @Test
    void theScheduleFollowsTheInputs() {
        fixture.given(opened(), inputsFetched())
                .when(schedule())
                .expectEvents(schedulePrepared());
    }

    @Test
    void theDraftFollowsTheSchedule() {
        fixture.given(opened(), inputsFetched(), schedulePrepared())
                .when(draft())
                .expectEvents(drafted());
    }

    @Test
    void theDraftIsSubmittedBeforeGateClosure() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted())
                .when(submit(SENT_AT))
                .expectEvents(submitted());
    }

    @Test
    void aBidClearedInFullIsAccepted() {
        fixture.given(untilSubmitted())
                .when(result(clearedInFull()))
                .expectEvents(new BidAccepted(ID, CLEARED_AT, clearedInFull()));
    }

    @Test
    void aBidClearedInPartIsPartiallyAccepted() {
        fixture.given(untilSubmitted())
                .when(result(clearedPartly()))
                .expectEvents(new BidPartiallyAccepted(ID, CLEARED_AT, clearedPartly()));
    }

    @Test
    void aBidWithNothingClearedIsRejectedByTheMarket() {
        fixture.given(untilSubmitted())
                .when(result(clearedNothing()))
                .expectEvents(new BidRejected(ID, CLEARED_AT, clearedNothing()));
    }

    @Test
    void theCycleClosesWithTheMarketsAnswer() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted(), submitted(),
                        new BidAccepted(ID, CLEARED_AT, clearedInFull()))
                .when(new CloseBiddingCycle(ID, CLOSED_AT))
                .expectEvents(new BiddingCycleClosed(ID, CLOSED_AT, MarketOutcome.ACCEPTED));
    }

    // --- refusals recorded as facts -----------------------------------------------------------------------------

    @Test
    void submittingAtGateClosureIsRecordedAsRefused() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted())
                .when(submit(GATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BidSubmissionRefused(ID, GATE, SubmissionRefusal.GATE_CLOSED,
                        "sent at 2026-06-15T10:00:00Z, the gate closed at 2026-06-15T10:00:00Z"));
    }

    @Test
    void aSecondSubmissionIsRecordedAsRefused() {
        fixture.given(untilSubmitted())
                .when(submit(SENT_AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BidSubmissionRefused(ID, SENT_AT.plusSeconds(1), SubmissionRefusal.ALREADY_SUBMITTED,
                        "the bid DE-LU:2026-06-16 was already submitted; the market takes one bid per zone and day"));
    }

    @Test
    void aDraftBeyondTheFleetsFlexibilityIsRecordedAsRefusedWithEveryBreach() {
        var attempted = new ArrayList<>(bidSlotsWith(7, 6));
        attempted.set(BUY_HOUR, new BidSlot(slot(BUY_HOUR), Megawatts.of(-4),
                EurPerMwh.of(30)));
        fixture.given(opened(), inputsFetched(), schedulePrepared())
                .when(draft(attempted))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BidDraftRefused(ID, DRAFTED_AT, attempted, List.of(
                        new FlexibilityBreach(slot(BUY_HOUR), Megawatts.of(-4), Megawatts.of(3)),
                        new FlexibilityBreach(slot(7), Megawatts.of(6), Megawatts.of(5)))));
    }

    @Test
    void aLateCycleEndsByAbortingWithItsReason() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted(),
                        new BidSubmissionRefused(ID, GATE, SubmissionRefusal.GATE_CLOSED, "late"))
                .when(new AbortBiddingCycle(ID, GATE.plusSeconds(1), "gate closure missed"))
                .expectEvents(new BiddingCycleAborted(ID, GATE.plusSeconds(1), "gate closure missed"));
    }

    // --- rejected commands: nothing recorded -------------------------------------------------------------------

    @Test
    void openingADayThatAlreadyHasACycleIsRejectedAsADuplicate() {
        fixture.given(opened())
                .when(open())
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("bidId", RejectionCode.DUPLICATE,
                        "the bidding cycle DE-LU:2026-06-16 already exists; one cycle per zone and day"))
                .expectNoEvents();
    }

    @Test
    void openingAfterGateClosureIsRejectedAndCreatesNothing() {
        fixture.givenNoPriorActivity()
                .when(new OpenBiddingCycle(ID, GATE.plusSeconds(1), DELIVERY_START, DELIVERY_END, HOUR, GATE))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("openedAt", RejectionCode.NOT_ALLOWED,
                        "the gate closed at 2026-06-15T10:00:00Z; a cycle opened at 2026-06-15T10:00:01Z could never bid"))
                .expectNoEvents();
    }

    @Test
    void submittingBeforeAnythingIsDraftedIsRejected() {
        fixture.given(opened(), inputsFetched(), schedulePrepared())
                .when(submit(SENT_AT))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("bidId", RejectionCode.NOT_ALLOWED,
                        "cannot submit: nothing is drafted yet, the cycle is SCHEDULE_PREPARED"))
                .expectNoEvents();
    }

    @Test
    void aScheduleBeforeTheInputsIsRejected() {
        fixture.given(opened())
                .when(schedule())
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aDraftBeforeTheScheduleIsRejected() {
        fixture.given(opened(), inputsFetched())
                .when(draft())
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aMarketResultBeforeSubmissionIsRejected() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted())
                .when(result(clearedInFull()))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void closingBeforeTheMarketAnsweredIsRejected() {
        fixture.given(untilSubmitted())
                .when(new CloseBiddingCycle(ID, CLOSED_AT))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("bidId", RejectionCode.NOT_ALLOWED,
                        "cannot close when the cycle is SUBMITTED; allowed when [CLEARED]"))
                .expectNoEvents();
    }

    @Test
    void aClosedCycleTakesNoFurtherCommand() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted(), submitted(),
                        new BidAccepted(ID, CLEARED_AT, clearedInFull()),
                        new BiddingCycleClosed(ID, CLOSED_AT, MarketOutcome.ACCEPTED))
                .when(new AbortBiddingCycle(ID, CLOSED_AT, "too late"))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aMalformedDraftIsRejectedNotRecorded() {
        fixture.given(opened(), inputsFetched(), schedulePrepared())
                .when(draft(BidFixtures.bidSlots().subList(0, 23)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(CommandRejection.of("slots", RejectionCode.INVALID_VALUE,
                        "must hold one entry per delivery slot: 24 expected, got 23"))
                .expectNoEvents();
    }

    @Test
    void aStepStampedBeforeThePreviousIsRejected() {
        fixture.given(opened(), inputsFetched(), schedulePrepared(), drafted())
                .when(submit(DRAFTED_AT.minusSeconds(1)))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }
}
