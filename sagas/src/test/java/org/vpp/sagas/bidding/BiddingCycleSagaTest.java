package org.vpp.sagas.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.sagas.bidding.BiddingCycleSaga.DRAFT_DEADLINE;
import static org.vpp.sagas.bidding.BiddingCycleSaga.GATE_CLOSURE_DEADLINE;
import static org.vpp.sagas.bidding.BiddingCycleSaga.INPUTS_DEADLINE;
import static org.vpp.sagas.bidding.BiddingCycleSaga.MARKET_RESULT_DEADLINE;
import static org.vpp.sagas.bidding.BiddingCycleSaga.SCHEDULE_DEADLINE;
import static org.vpp.sagas.bidding.InMemoryBiddingInputs.DEVICE_FORECASTS;
import static org.vpp.sagas.bidding.InMemoryBiddingInputs.FLEET;
import static org.vpp.sagas.bidding.InMemoryBiddingInputs.FLEXIBILITY;
import static org.vpp.sagas.bidding.InMemoryBiddingInputs.SLOT_1;
import static org.vpp.sagas.bidding.InMemoryBiddingInputs.SLOT_2;
import static org.vpp.sagas.bidding.InMemoryScheduleSolver.PLAN;
import static org.vpp.sagas.bidding.InMemoryScheduleSolver.SCHEDULE;
import static org.vpp.sagas.bidding.InMemoryScheduleSolver.SETTINGS;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.utils.RecordingCommandBus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.sagas.RecordingDeadlines;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidDraftRefused;
import org.vpp.messages.bid.BidDrafted;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.BidStatus;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.FlexibilityBreach;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.sagas.port.ScheduleSolver;

/**
 * The cycle of DE-LU for 16 June 2026, whose gate closes at 10:00 UTC. It opens at 09:00; inputs are due 5 minutes
 * after the opening, the schedule 15 minutes (10 of budget, 5 of grace) after the inputs, the draft 2 minutes after
 * the schedule; at 09:50 (gate closure minus 10 minutes) the gate decides, and the market must answer by 11:00.
 * Every instant is fixed; the saga's clock is the fixture's, which only moves when a test moves it.
 */
class BiddingCycleSagaTest {

    private static final BidId BID = BidId.of("DE-LU:2026-06-16");
    private static final Instant GATE = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant OPENED_AT = Instant.parse("2026-06-15T09:00:00Z");
    private static final Instant INPUTS_DUE = Instant.parse("2026-06-15T09:05:00Z");
    private static final Instant INPUTS_AT = Instant.parse("2026-06-15T09:01:00Z");
    private static final Instant SCHEDULE_DUE = Instant.parse("2026-06-15T09:16:00Z");
    private static final Instant PREPARED_AT = Instant.parse("2026-06-15T09:12:00Z");
    private static final Instant DRAFT_DUE = Instant.parse("2026-06-15T09:14:00Z");
    private static final Instant DRAFTED_AT = Instant.parse("2026-06-15T09:13:00Z");
    private static final Instant GATE_NEAR = Instant.parse("2026-06-15T09:50:00Z");
    private static final Instant RESULT_AT = Instant.parse("2026-06-15T10:45:00Z");
    private static final Instant MARKET_DUE = Instant.parse("2026-06-15T11:00:00Z");

    private static final PricingPolicy PRICING = new PricingPolicy(0.5, EurPerMwh.of(8), EurPerMwh.of(90), 0.9);
    private static final BiddingCycleSettings SETTINGS_OF_THE_DAY = new BiddingCycleSettings(Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofHours(1), PRICING);

    private static final ForecastReference FRESH_FORECAST = new ForecastReference(InMemoryBiddingInputs.FRESH,
            "gradient-boosting", InMemoryBiddingInputs.FRESH_HASH, false);
    private static final ForecastReference SEASONAL_NAIVE_FORECAST = new ForecastReference(
            InMemoryBiddingInputs.SEASONAL_NAIVE, "seasonal-naive", InMemoryBiddingInputs.SEASONAL_HASH, true);

    /** Sell 2 MW at 60 - 0.5 * (60 - 40) = 50; buy 1.5 MW at 30 + 0.5 * (50 - 30) = 40. */
    private static final List<BidSlot> BID_SLOTS = List.of(
            new BidSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(50)),
            new BidSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(40)));

    private final SagaTestFixture<BiddingCycleSaga> fixture = new SagaTestFixture<>(BiddingCycleSaga.class);
    private final InMemoryBiddingInputs inputs = new InMemoryBiddingInputs();
    private final InMemoryScheduleSolver solver = new InMemoryScheduleSolver();
    private final RecordingMarket market = new RecordingMarket();
    private final RecordingDispatchPlans dispatchPlans = new RecordingDispatchPlans();

    @BeforeEach
    void registerPortsSettingsAndClock() {
        fixture.registerResource(inputs);
        fixture.registerResource(solver);
        fixture.registerResource(market);
        fixture.registerResource(dispatchPlans);
        fixture.registerResource(SETTINGS_OF_THE_DAY);
        fixture.registerResource((InstantSource) fixture::currentTime);
    }

    // --- the happy path, step by step -------------------------------------------------------------------------

    @Test
    void openingTheCycleRecordsTheFetchedInputsAndSchedulesTheInputsGateAndMarketDeadlines() {
        fixture.givenCurrentTime(OPENED_AT)
                .whenPublishingA(opened(OPENED_AT))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new RecordBidInputs(BID, OPENED_AT, FLEET, 12, FRESH_FORECAST,
                        DEVICE_FORECASTS, FLEXIBILITY))
                .expectScheduledDeadlineWithName(INPUTS_DUE, INPUTS_DEADLINE)
                .expectScheduledDeadlineWithName(GATE_NEAR, GATE_CLOSURE_DEADLINE)
                .expectScheduledDeadlineWithName(MARKET_DUE, MARKET_RESULT_DEADLINE)
                .expectAssociationWith("bidId", BID)
                .expectActiveSagas(1);
        assertThat(inputs.fetchedAsOf).containsExactly(OPENED_AT);
    }

    @Test
    void fetchedInputsAreOptimizedWithinTheBudgetAndTheScheduleIsRecorded() throws Exception {
        opened().andThenTimeAdvancesTo(INPUTS_AT)
                .whenPublishingA(inputsFetched(FRESH_FORECAST))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new RecordSchedule(BID, INPUTS_AT, SCHEDULE, PLAN, "0hard/-1100soft", 1040.0,
                        0.004, SETTINGS))
                .expectNoScheduledDeadlineWithName(INPUTS_DUE, INPUTS_DEADLINE)
                .expectScheduledDeadlineWithName(SCHEDULE_DUE, SCHEDULE_DEADLINE)
                .expectActiveSagas(1);
        assertThat(solver.requests).containsExactly(new ScheduleSolver.Request(BID, FLEET, FRESH_FORECAST,
                DEVICE_FORECASTS, Duration.ofMinutes(10)));
    }

    @Test
    void preparedScheduleIsPricedByTheRuleAndDrafted() throws Exception {
        withInputs().andThenTimeAdvancesTo(PREPARED_AT)
                .whenPublishingA(prepared())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new DraftBid(BID, PREPARED_AT, BID_SLOTS, PRICING.describe()))
                .expectNoScheduledDeadlineWithName(SCHEDULE_DUE, SCHEDULE_DEADLINE)
                .expectScheduledDeadlineWithName(DRAFT_DUE, DRAFT_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void draftedBidIsSubmittedAndTheGateDeadlineStandsAsTheSubmissionsDeadline() throws Exception {
        withSchedule().andThenTimeAdvancesTo(DRAFTED_AT)
                .whenPublishingA(drafted())
                .expectDispatchedCommands(new SubmitBid(BID, DRAFTED_AT))
                .expectNoScheduledDeadlineWithName(DRAFT_DUE, DRAFT_DEADLINE)
                .expectScheduledDeadlineWithName(GATE_NEAR, GATE_CLOSURE_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void submittedBidGoesToTheMarketAndOnlyTheMarketDeadlineRemains() throws Exception {
        withDraft()
                .whenPublishingA(new BidSubmitted(BID, DRAFTED_AT, BID_SLOTS))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlineWithName(GATE_NEAR, GATE_CLOSURE_DEADLINE)
                .expectScheduledDeadlineWithName(MARKET_DUE, MARKET_RESULT_DEADLINE)
                .expectActiveSagas(1);
        assertThat(market.submissions).containsExactly(new RecordingMarket.Submission(BID, BID_SLOTS));
    }

    @Test
    void marketResultPlansTheDispatchThenClosesTheCycleAndEndsTheSaga() throws Exception {
        List<ClearedSlot> cleared = List.of(new ClearedSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(63)),
                new ClearedSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(29)));
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidAccepted(BID, RESULT_AT, cleared))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(RecordingDispatchPlans.plan(BID, cleared, RESULT_AT),
                        new CloseBiddingCycle(BID, RESULT_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        assertThat(market.submissions).hasSize(1);
        assertThat(dispatchPlans.requests).containsExactly(BID);
    }

    @Test
    void partlyAcceptedBidIsDispatchedAndClosesTheCycleToo() throws Exception {
        List<ClearedSlot> cleared = List.of(new ClearedSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(63)),
                new ClearedSlot(SLOT_2, Megawatts.ZERO, EurPerMwh.of(45)));
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidPartiallyAccepted(BID, RESULT_AT, cleared))
                .expectDispatchedCommands(RecordingDispatchPlans.plan(BID, cleared, RESULT_AT),
                        new CloseBiddingCycle(BID, RESULT_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aDispatchThatCannotBePlannedStillLetsTheCycleCloseWithTheMarketsOutcome() throws Exception {
        dispatchPlans.failWith = new IllegalStateException("schedule content missing");
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidAccepted(BID, RESULT_AT, List.of(
                        new ClearedSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(63)),
                        new ClearedSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(29)))))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new CloseBiddingCycle(BID, RESULT_AT))
                .expectActiveSagas(0);
    }

    @Test
    void aRejectedBidHasNoDispatch() throws Exception {
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidRejected(BID, RESULT_AT, List.of(
                        new ClearedSlot(SLOT_1, Megawatts.ZERO, EurPerMwh.of(41)),
                        new ClearedSlot(SLOT_2, Megawatts.ZERO, EurPerMwh.of(45)))))
                .expectDispatchedCommands(new CloseBiddingCycle(BID, RESULT_AT));
        assertThat(dispatchPlans.requests).isEmpty();
    }

    @Test
    void rejectedBidClosesTheCycleToo() throws Exception {
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidRejected(BID, RESULT_AT, List.of(
                        new ClearedSlot(SLOT_1, Megawatts.ZERO, EurPerMwh.of(41)),
                        new ClearedSlot(SLOT_2, Megawatts.ZERO, EurPerMwh.of(45)))))
                .expectDispatchedCommands(new CloseBiddingCycle(BID, RESULT_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    // --- fallbacks ----------------------------------------------------------------------------------------------

    @Test
    void staleForecastIsReplacedBySeasonalNaiveAndRecordedAsFallback() {
        inputs.priceForecastIsStale();

        fixture.givenCurrentTime(OPENED_AT)
                .whenPublishingA(opened(OPENED_AT))
                .expectDispatchedCommands(new RecordBidInputs(BID, OPENED_AT, FLEET, 12, SEASONAL_NAIVE_FORECAST,
                        DEVICE_FORECASTS, FLEXIBILITY))
                .expectActiveSagas(1);
    }

    @Test
    void bidAfterAFallbackForecastIsPricedFromTheFallbacksQuotes() throws Exception {
        inputs.priceForecastIsStale();

        opened().andThenTimeAdvancesTo(INPUTS_AT).andThenAPublished(inputsFetched(SEASONAL_NAIVE_FORECAST))
                .andThenTimeAdvancesTo(PREPARED_AT)
                .whenPublishingA(prepared())
                // sell at 56 - 0.5 * (56 - 50) = 53; buy at 28 + 0.5 * (31 - 28) = 29.5
                .expectDispatchedCommands(new DraftBid(BID, PREPARED_AT, List.of(
                        new BidSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(53)),
                        new BidSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(29.5))), PRICING.describe()));
    }

    @Test
    void optimizerOverBudgetRecordsTheBestScheduleSoFarWithItsGap() throws Exception {
        solver.runsOverBudget();

        opened().andThenTimeAdvancesTo(INPUTS_AT)
                .whenPublishingA(inputsFetched(FRESH_FORECAST))
                .expectDispatchedCommands(new RecordSchedule(BID, INPUTS_AT, SCHEDULE, PLAN, "0hard/-1250soft", 980.0,
                        0.087, new SolverSettings("timefold", Duration.ofMinutes(10), 42L,
                        Map.of("moveThreadCount", "NONE", BiddingCycleSaga.CUT_SHORT_PARAMETER, "true"))))
                .expectScheduledDeadlineWithName(SCHEDULE_DUE, SCHEDULE_DEADLINE)
                .expectActiveSagas(1);
    }

    // --- each step's deadline -------------------------------------------------------------------------------------

    @Test
    void inputsNotRecordedByTheirDeadlineAbortTheCycle() {
        opened()
                .whenTimeAdvancesTo(INPUTS_DUE)
                .expectTriggeredDeadlinesWithName(INPUTS_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, INPUTS_DUE,
                        "no inputs were recorded in time (deadline 2026-06-15T09:05:00Z)", BidStatus.OPEN))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void inputsPortThatFailsLeavesTheCycleToTheInputsDeadline() {
        inputs.isUnreachable();
        fixture.suppressExceptionInGivenPhase(true);

        fixture.givenCurrentTime(OPENED_AT).andThenAPublished(opened(OPENED_AT))
                .whenTimeAdvancesTo(INPUTS_DUE)
                .expectTriggeredDeadlinesWithName(INPUTS_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, INPUTS_DUE,
                        "no inputs were recorded in time (deadline 2026-06-15T09:05:00Z)", BidStatus.OPEN))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aFleetWithNothingToPlanAtTheOpeningAbortsTheCycleAtOnceWithThatAsItsReason() {
        inputs.hasNothingToPlan();

        fixture.givenCurrentTime(OPENED_AT)
                .whenPublishingA(opened(OPENED_AT))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new AbortBiddingCycle(BID, OPENED_AT, "nothing to plan: the fleet as of the"
                        + " opening (2026-06-15T09:00:00Z) had 12 device(s) online and none the optimizer plans"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    /**
     * The inputs deadline fell due while the inputs' event was being handled: its cancellation at that handling's
     * commit met it already running, and it reached the saga after the step had moved on. Outside the fixture (which
     * cannot fire a cancelled deadline): the saga object itself, its steps and then the stale deadline.
     */
    @Test
    void aStepDeadlineThatArrivesAfterItsStepMovedOnIsIgnored() {
        RecordingCommandBus bus = new RecordingCommandBus();
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();
        RecordingDeadlines deadlines = new RecordingDeadlines();
        BiddingCycleSaga saga = new BiddingCycleSaga();
        saga.on(opened(OPENED_AT), inputs, SETTINGS_OF_THE_DAY, commands, deadlines, () -> OPENED_AT);
        saga.on(inputsFetched(FRESH_FORECAST), solver, SETTINGS_OF_THE_DAY, commands, deadlines, () -> INPUTS_DUE);

        saga.inputsOverdue(INPUTS_DUE, commands, deadlines);

        assertThat(bus.getDispatchedCommands()).extracting(m -> m.getPayload().getClass().getSimpleName())
                .containsExactly("RecordBidInputs", "RecordSchedule");
        assertThat(deadlines.scheduled).containsEntry(SCHEDULE_DEADLINE, 1).containsEntry(INPUTS_DEADLINE, 1);
        assertThat(deadlines.cancelled).containsExactly(INPUTS_DEADLINE);
    }

    /**
     * After a restart, the inputs deadline fell due before the saga had seen the inputs recorded (in time) before the
     * crash: its abort is conditional on the Bid still being OPEN, the Bid refuses it, and the saga stays to go on
     * with the inputs' event.
     */
    @Test
    void aStepDeadlineWhoseStepTheBidHasRecordedLeavesTheCycleRunning() throws Exception {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof AbortBiddingCycle abort && abort.onlyIfStillAt() == BidStatus.OPEN) {
                throw new CommandExecutionException("refused", null, new CommandRejection("onlyIfStillAt",
                        RejectionCode.NOT_ALLOWED, "the cycle has moved on from OPEN to INPUTS_FETCHED"));
            }
            return null;
        });

        opened()
                .whenTimeAdvancesTo(INPUTS_DUE)
                .expectTriggeredDeadlinesWithName(INPUTS_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, INPUTS_DUE,
                        "no inputs were recorded in time (deadline 2026-06-15T09:05:00Z)", BidStatus.OPEN))
                .expectScheduledDeadlineWithName(GATE_NEAR, GATE_CLOSURE_DEADLINE)
                .expectActiveSagas(1);
        fixture.whenPublishingA(inputsFetched(FRESH_FORECAST))
                .expectDispatchedCommandsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(RecordSchedule.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectActiveSagas(1);
    }

    /**
     * In the application a deadline's timestamp is when it fired (the scheduler noticed it late, or the process was
     * down), not when it was due; the abort's reason names the instant the step was due. The Bid refuses the abort
     * here (its step moved on), which keeps the saga running outside the fixture.
     */
    @Test
    void aStepDeadlineThatFiresLateNamesTheInstantTheStepWasDue() {
        RecordingCommandBus bus = new RecordingCommandBus();
        bus.setCallbackBehavior((command, metaData) -> {
            if (command instanceof AbortBiddingCycle) throw new CommandExecutionException("refused", null,
                    new CommandRejection("onlyIfStillAt", RejectionCode.NOT_ALLOWED, "moved on"));
            return null;
        });
        CommandGateway commands = DefaultCommandGateway.builder().commandBus(bus).build();
        BiddingCycleSaga saga = new BiddingCycleSaga();
        saga.on(opened(OPENED_AT), inputs, SETTINGS_OF_THE_DAY, commands, new RecordingDeadlines(), () -> OPENED_AT);

        Instant firedLate = INPUTS_DUE.plus(Duration.ofMinutes(41));
        saga.inputsOverdue(firedLate, commands, new RecordingDeadlines());

        assertThat(bus.getDispatchedCommands().getLast().getPayload()).isEqualTo(new AbortBiddingCycle(BID, firedLate,
                "no inputs were recorded in time (deadline 2026-06-15T09:05:00Z)", BidStatus.OPEN));
    }

    @Test
    void scheduleNotRecordedByItsDeadlineAbortsTheCycle() throws Exception {
        withInputs()
                .whenTimeAdvancesTo(SCHEDULE_DUE)
                .expectTriggeredDeadlinesWithName(SCHEDULE_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, SCHEDULE_DUE,
                        "no schedule was recorded in time (deadline 2026-06-15T09:16:00Z)", BidStatus.INPUTS_FETCHED))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void draftNotRecordedByItsDeadlineAbortsTheCycle() throws Exception {
        withSchedule()
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectTriggeredDeadlinesWithName(DRAFT_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, DRAFT_DUE,
                        "no bid was drafted in time (deadline 2026-06-15T09:14:00Z)", BidStatus.SCHEDULED))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void nearGateClosureADraftNotYetSubmittedIsSubmitted() throws Exception {
        withDraft()
                .whenTimeAdvancesTo(GATE_NEAR)
                .expectTriggeredDeadlinesWithName(GATE_CLOSURE_DEADLINE)
                .expectDispatchedCommands(new SubmitBid(BID, GATE_NEAR))
                .expectScheduledDeadlineWithName(MARKET_DUE, MARKET_RESULT_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void aSubmissionAtTheGateThatTheBidRefusesAsLateAbortsTheCycle() throws Exception {
        withDraft().andThenTimeAdvancesTo(GATE_NEAR)
                .whenPublishingA(new BidSubmissionRefused(BID, GATE_NEAR, SubmissionRefusal.GATE_CLOSED, "too late"))
                .expectDispatchedCommands(new AbortBiddingCycle(BID, GATE_NEAR,
                        "submission refused (GATE_CLOSED): too late"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aSecondSubmissionRefusedAsDuplicateLeavesTheCycleWaitingForTheMarket() throws Exception {
        withSubmission()
                .whenPublishingA(new BidSubmissionRefused(BID, DRAFTED_AT, SubmissionRefusal.ALREADY_SUBMITTED, "once"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(MARKET_DUE, MARKET_RESULT_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void lateGateWithNothingDraftedAbortsTheCycleWithTheStepItWasStuckIn() throws Exception {
        Instant lateOpening = Instant.parse("2026-06-15T09:42:00Z");
        Instant lateInputs = Instant.parse("2026-06-15T09:43:00Z"); // the schedule would be due at 09:58, after 09:50
        fixture.givenCurrentTime(lateOpening).andThenAPublished(opened(lateOpening))
                .andThenTimeAdvancesTo(lateInputs)
                .andThenAPublished(new BidInputsFetched(BID, lateInputs, FLEET, 12, FRESH_FORECAST, DEVICE_FORECASTS, FLEXIBILITY))
                .whenTimeAdvancesTo(GATE_NEAR)
                .expectTriggeredDeadlinesWithName(GATE_CLOSURE_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, GATE_NEAR,
                        "gate closure in PT10M: no schedule was recorded, nothing can be offered in time", BidStatus.INPUTS_FETCHED))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void silentMarketAbortsTheCycleWithItsDeadlineAsReason() throws Exception {
        withSubmission()
                .whenTimeAdvancesTo(MARKET_DUE)
                .expectTriggeredDeadlinesWithName(MARKET_RESULT_DEADLINE)
                .expectDispatchedCommands(new AbortBiddingCycle(BID, MARKET_DUE,
                        "the market gave no result by 2026-06-15T11:00:00Z (phase AWAITING_RESULT)"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    // --- other ends -----------------------------------------------------------------------------------------------

    @Test
    void draftBeyondTheFleetsFlexibilityAbortsTheCycle() throws Exception {
        withSchedule().andThenTimeAdvancesTo(DRAFTED_AT)
                .whenPublishingA(new BidDraftRefused(BID, DRAFTED_AT, BID_SLOTS,
                        List.of(new FlexibilityBreach(SLOT_1, Megawatts.of(2), Megawatts.of(1)))))
                .expectDispatchedCommands(new AbortBiddingCycle(BID, DRAFTED_AT,
                        "the draft went beyond the fleet's flexibility in 1 slot(s), starting 2026-06-15T22:00:00Z"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cycleAbortedByAnOperatorEndsTheSagaWithoutACommand() throws Exception {
        withInputs()
                .whenPublishingA(new BiddingCycleAborted(BID, INPUTS_AT, "cancelled by the operator"))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void wholeCycleFromOpeningToCloseHandsTheBidToTheMarketOnceAndEndsWithNothingScheduled() throws Exception {
        withSubmission().andThenTimeAdvancesTo(RESULT_AT)
                .whenPublishingA(new BidAccepted(BID, RESULT_AT, List.of(
                        new ClearedSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(63)),
                        new ClearedSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(29)))))
                .expectTriggeredDeadlinesWithName()
                .expectDispatchedCommands(RecordingDispatchPlans.plan(BID, List.of(
                                new ClearedSlot(SLOT_1, Megawatts.of(2), EurPerMwh.of(63)),
                                new ClearedSlot(SLOT_2, Megawatts.of(-1.5), EurPerMwh.of(29))), RESULT_AT),
                        new CloseBiddingCycle(BID, RESULT_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        assertThat(inputs.fetchedAsOf).containsExactly(OPENED_AT);
        assertThat(solver.requests).hasSize(1);
        assertThat(market.submissions).containsExactly(new RecordingMarket.Submission(BID, BID_SLOTS));
    }

    // --- the cycle so far ---------------------------------------------------------------------------------------


    private static BiddingCycleOpened opened(Instant at) {
        return new BiddingCycleOpened(BID, at, Instant.parse("2026-06-15T22:00:00Z"),
                Instant.parse("2026-06-16T22:00:00Z"), Duration.ofHours(1), GATE);
    }

    private static BidInputsFetched inputsFetched(ForecastReference priceForecast) {
        return new BidInputsFetched(BID, INPUTS_AT, FLEET, 12, priceForecast, DEVICE_FORECASTS, FLEXIBILITY);
    }

    private static SchedulePrepared prepared() {
        return new SchedulePrepared(BID, PREPARED_AT, SCHEDULE, PLAN, "0hard/-1100soft", 1040.0, 0.004, SETTINGS);
    }

    private static BidDrafted drafted() {
        return new BidDrafted(BID, DRAFTED_AT, BID_SLOTS, PRICING.describe());
    }

    private ContinuedGivenState opened() {
        return fixture.givenCurrentTime(OPENED_AT).andThenAPublished(opened(OPENED_AT));
    }

    private ContinuedGivenState withInputs() throws Exception {
        return opened().andThenTimeAdvancesTo(INPUTS_AT).andThenAPublished(inputsFetched(FRESH_FORECAST));
    }

    private ContinuedGivenState withSchedule() throws Exception {
        return withInputs().andThenTimeAdvancesTo(PREPARED_AT).andThenAPublished(prepared());
    }

    private ContinuedGivenState withDraft() throws Exception {
        return withSchedule().andThenTimeAdvancesTo(DRAFTED_AT).andThenAPublished(drafted());
    }

    private ContinuedGivenState withSubmission() throws Exception {
        return withDraft().andThenAPublished(new BidSubmitted(BID, DRAFTED_AT, BID_SLOTS));
    }
}
