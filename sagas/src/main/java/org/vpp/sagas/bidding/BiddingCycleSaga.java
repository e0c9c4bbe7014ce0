package org.vpp.sagas.bidding;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
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
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.common.CommandRejection;
import org.vpp.messages.common.RejectionCode;
import org.vpp.messages.bid.BidSubmissionRefused;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.BiddingCycleClosed;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmissionRefusal;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.DispatchPlans;
import org.vpp.sagas.port.Market;
import org.vpp.sagas.port.ScheduleSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One day-ahead bidding cycle, from its opening to its close: fetch the inputs, optimize, draft, submit, wait for
 * the market, close. Each step calls a port or a pure function and records its outcome on the Bid by a command; the
 * Bid's event for it moves the saga on. The saga keeps workflow state only (the bid, a phase, the price forecast's
 * id, deadline ids); gateways, ports, settings and the clock arrive as handler parameters, so nothing infrastructural
 * is stored with it.
 *
 * <p>Deadlines, all at instants taken from the events (never from a clock read here):
 * <ul>
 *   <li>one per step, scheduled when the step starts and cancelled when its event arrives: {@link #INPUTS_DEADLINE},
 *       {@link #SCHEDULE_DEADLINE}, {@link #DRAFT_DEADLINE}; a step past its deadline aborts the cycle;</li>
 *   <li>{@link #GATE_CLOSURE_DEADLINE} at gate closure minus the safety margin, scheduled at the opening and
 *       cancelled by the submission: {@link GateClosurePolicy} submits what is drafted or aborts;</li>
 *   <li>{@link #MARKET_RESULT_DEADLINE} at gate closure plus the market's silence limit, scheduled at the opening and
 *       cancelled by the market's result: a silent market aborts the cycle.</li>
 * </ul>
 * A result that cleared anything is planned as the bid's dispatch ({@link DispatchPlans}) before the cycle closes.
 * Every path ends the saga: the close, each abort it sends, and a cycle ended from elsewhere (an operator's abort).
 * A port that fails leaves its step to the step's deadline; a fleet with nothing to plan at the opening aborts the
 * cycle at once, with that as its reason. A step deadline that arrives after its step moved on is ignored.
 *
 * <p>No {@code @Saga} stereotype: it lives in axon-spring and would bring Spring into this module; the application
 * registers the class with Axon's {@code EventProcessingConfigurer.registerSaga}.
 */
public class BiddingCycleSaga {

    private static final Logger log = LoggerFactory.getLogger(BiddingCycleSaga.class);
    static final String BID_ID = "bidId";
    public static final String INPUTS_DEADLINE = "bidding-inputs";
    public static final String SCHEDULE_DEADLINE = "bidding-schedule";
    public static final String DRAFT_DEADLINE = "bidding-draft";
    public static final String GATE_CLOSURE_DEADLINE = "bidding-gate-closure";
    public static final String MARKET_RESULT_DEADLINE = "bidding-market-result";
    /**
     * Axon interrupts an event handler after 30 s by default; fetching a large fleet's inputs and optimizing within
     * the solver's budget take longer, so those two steps are allowed this long ({@link BiddingCycleSettings} keeps
     * the solver's budget and grace within it). The event processor's transaction timeout must allow it too
     * ({@code axon.timeout.transaction.event-processor.BiddingCycleSagaProcessor}).
     */
    public static final int STEP_HANDLER_LIMIT_MS = 900_000;
    static final int STEP_HANDLER_WARNING_MS = 120_000;
    /** Added to the solver's settings when it stopped at its budget: the schedule recorded is its best so far. */
    public static final String CUT_SHORT_PARAMETER = "stoppedAtBudget";

    private BidId bidId;
    private BiddingCyclePhase phase;
    private ForecastId priceForecast;
    private String stepDeadlineId;
    /** When the pending step deadline is due (null for a saga stored before this field, or with none pending). */
    private Instant stepDueAt;
    private String gateDeadlineId;
    private String marketDeadlineId;

    public BiddingCycleSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = BID_ID)
    @MessageHandlerTimeout(timeoutMs = STEP_HANDLER_LIMIT_MS, warningThresholdMs = STEP_HANDLER_WARNING_MS,
            warningIntervalMs = STEP_HANDLER_WARNING_MS)
    public void on(BiddingCycleOpened opened, BiddingInputs inputs, BiddingCycleSettings settings,
                   CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        bidId = opened.bidId();
        gateDeadlineId = deadlines.schedule(opened.gateClosure().minus(settings.gateSafetyMargin()), GATE_CLOSURE_DEADLINE);
        marketDeadlineId = deadlines.schedule(opened.gateClosure().plus(settings.marketSilenceLimit()), MARKET_RESULT_DEADLINE);
        startStep(BiddingCyclePhase.FETCHING_INPUTS, opened.at().plus(settings.inputsWithin()), deadlines);

        BiddingInputs.Fetched fetched;
        try {
            fetched = inputs.fetch(bidId, opened.deliveryStart(), opened.deliveryEnd(), opened.slotLength(), opened.at());
        } catch (RuntimeException e) {
            leftToDeadline("its inputs could not be fetched", e);
            return;
        }
        if (fetched.plannedAssets() == 0) {
            abort(opened.at(), "nothing to plan: the fleet as of the opening (" + opened.at() + ") had "
                    + fetched.deviceCount() + " device(s) online and none the optimizer plans", commands, deadlines);
            return;
        }
        BiddingInputs.PriceForecast prices = fetched.priceForecast();
        commands.send(new RecordBidInputs(bidId, clock.instant(), fetched.fleetSnapshot(), fetched.deviceCount(),
                new ForecastReference(prices.id(), prices.model(), prices.sha256(), prices.fallback()),
                fetched.deviceForecasts(), fetched.flexibility()));
    }

    @SagaEventHandler(associationProperty = BID_ID)
    @MessageHandlerTimeout(timeoutMs = STEP_HANDLER_LIMIT_MS, warningThresholdMs = STEP_HANDLER_WARNING_MS,
            warningIntervalMs = STEP_HANDLER_WARNING_MS)
    public void on(BidInputsFetched fetched, ScheduleSolver solver, BiddingCycleSettings settings,
                   CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        if (phase != BiddingCyclePhase.FETCHING_INPUTS) return;
        priceForecast = fetched.priceForecast().forecastId();
        startStep(BiddingCyclePhase.OPTIMIZING, fetched.at().plus(settings.scheduleWithin()), deadlines);

        ScheduleSolver.Solved solved;
        try {
            solved = solver.solve(new ScheduleSolver.Request(bidId, fetched.fleetSnapshot(), fetched.priceForecast(),
                    fetched.deviceForecasts(), settings.solverBudget()));
        } catch (RuntimeException e) {
            leftToDeadline("its schedule could not be optimized", e);
            return;
        }
        commands.send(new RecordSchedule(bidId, clock.instant(), solved.schedule(), solved.plan(), solved.score(),
                solved.expectedRevenueEur(), solved.gapToBound(), recorded(solved)));
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(SchedulePrepared prepared, BiddingInputs inputs, BiddingCycleSettings settings,
                   CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        if (phase != BiddingCyclePhase.OPTIMIZING) return;
        startStep(BiddingCyclePhase.DRAFTING, prepared.at().plus(settings.draftWithin()), deadlines);

        List<BidSlot> slots;
        try {
            slots = BidPricing.bid(prepared.plan(), inputs.priceQuotes(priceForecast), settings.pricing());
        } catch (RuntimeException e) {
            leftToDeadline("its bid could not be priced", e);
            return;
        }
        commands.send(new DraftBid(bidId, clock.instant(), slots, settings.pricing().describe()));
    }

    /** Submission has no deadline of its own: gate closure minus the safety margin is its deadline. */
    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidDrafted drafted, CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        if (phase != BiddingCyclePhase.DRAFTING) return;
        startStep(BiddingCyclePhase.SUBMITTING, null, deadlines);
        commands.send(new SubmitBid(bidId, clock.instant()));
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidDraftRefused refused, CommandGateway commands, DeadlineManager deadlines) {
        String first = refused.breaches().isEmpty() ? "" : ", starting " + refused.breaches().getFirst().start();
        abort(refused.at(), "the draft went beyond the fleet's flexibility in " + refused.breaches().size()
                + " slot(s)" + first, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidSubmitted submitted, Market market, DeadlineManager deadlines) {
        cancel(deadlines, GATE_CLOSURE_DEADLINE, gateDeadlineId);
        gateDeadlineId = null;
        startStep(BiddingCyclePhase.AWAITING_RESULT, null, deadlines);
        market.submit(bidId, submitted.slots());
    }

    /** A second submission (the gate's retry after a first that went through) changes nothing; a late one ends it. */
    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidSubmissionRefused refused, CommandGateway commands, DeadlineManager deadlines) {
        if (refused.reason() == SubmissionRefusal.ALREADY_SUBMITTED) return;
        abort(refused.at(), "submission refused (" + refused.reason() + "): " + refused.explanation(), commands, deadlines);
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidAccepted result, DispatchPlans dispatches, CommandGateway commands, DeadlineManager deadlines,
                   InstantSource clock) {
        planDispatch(result.slots(), dispatches, commands, clock);
        close(commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidPartiallyAccepted result, DispatchPlans dispatches, CommandGateway commands,
                   DeadlineManager deadlines, InstantSource clock) {
        planDispatch(result.slots(), dispatches, commands, clock);
        close(commands, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BidRejected result, CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        close(commands, deadlines, clock);
    }

    /** Ended from elsewhere (an operator's abort, or a close this saga did not send): nothing left to drive. */
    @EndSaga
    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BiddingCycleAborted aborted, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BID_ID)
    public void on(BiddingCycleClosed closed, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    // --- deadlines: @Timestamp is when the deadline fired on the application clock (Axon's db-scheduler manager keeps no
    // trigger time; under the test fixture the two are the same), so reasons name the instant the step was due -----

    @DeadlineHandler(deadlineName = INPUTS_DEADLINE)
    public void inputsOverdue(@Timestamp Instant firedAt, CommandGateway commands, DeadlineManager deadlines) {
        stepOverdue(BiddingCyclePhase.FETCHING_INPUTS, firedAt, "no inputs were recorded in time", commands, deadlines);
    }

    @DeadlineHandler(deadlineName = SCHEDULE_DEADLINE)
    public void scheduleOverdue(@Timestamp Instant firedAt, CommandGateway commands, DeadlineManager deadlines) {
        stepOverdue(BiddingCyclePhase.OPTIMIZING, firedAt, "no schedule was recorded in time", commands, deadlines);
    }

    @DeadlineHandler(deadlineName = DRAFT_DEADLINE)
    public void draftOverdue(@Timestamp Instant firedAt, CommandGateway commands, DeadlineManager deadlines) {
        stepOverdue(BiddingCyclePhase.DRAFTING, firedAt, "no bid was drafted in time", commands, deadlines);
    }

    @DeadlineHandler(deadlineName = GATE_CLOSURE_DEADLINE)
    public void gateClosureNear(@Timestamp Instant firedAt, BiddingCycleSettings settings, CommandGateway commands,
                                DeadlineManager deadlines) {
        gateDeadlineId = null;
        switch (GateClosurePolicy.atGateClosure(phase, settings.gateSafetyMargin())) {
            case GateClosurePolicy.SubmitDraft submit -> commands.send(new SubmitBid(bidId, firedAt));
            case GateClosurePolicy.Abort abort -> abortIfStillInStep(firedAt, abort.reason(), commands, deadlines);
            case GateClosurePolicy.NothingLeft nothing -> {
            }
        }
    }

    @DeadlineHandler(deadlineName = MARKET_RESULT_DEADLINE)
    public void marketSilent(@Timestamp Instant firedAt, CommandGateway commands, DeadlineManager deadlines) {
        marketDeadlineId = null;
        abort(firedAt, "the market gave no result by " + firedAt + " (phase " + phase + ")", commands, deadlines);
    }

    // --- workflow -----------------------------------------------------------------------------------------------

    /** Cancels the step that succeeded and schedules the next one's deadline, if it has one of its own. */
    private void startStep(BiddingCyclePhase next, Instant deadlineAt, DeadlineManager deadlines) {
        cancelStepDeadline(deadlines);
        phase = next;
        String name = stepDeadlineName(next);
        stepDeadlineId = name == null ? null : deadlines.schedule(deadlineAt, name);
        stepDueAt = name == null ? null : deadlineAt;
    }

    /**
     * A step's deadline aborts the cycle only while the cycle is still in that step. It can arrive after the step
     * moved on: it fell due while the step's event was being handled, and its cancellation, made as that handling
     * committed, met it already running (the scheduler runs a due deadline and the saga's lock then holds it until the
     * step's handling is stored). The step succeeded in time then, and the deadline is stale.
     */
    private void stepOverdue(BiddingCyclePhase step, Instant firedAt, String reason, CommandGateway commands,
                             DeadlineManager deadlines) {
        if (phase != step) {
            log.info("Bid {}: the deadline of step {} fired at {} after the cycle had moved on to {}; ignored",
                    bidId, step, firedAt, phase);
            return;
        }
        stepDeadlineId = null;
        Instant due = stepDueAt != null ? stepDueAt : firedAt;
        abortIfStillInStep(firedAt, reason + " (deadline " + due + ")", commands, deadlines);
    }

    /** A port failed: logged, and the step is left to its deadline (the cycle aborts if nothing arrives in time). */
    private void leftToDeadline(String what, RuntimeException e) {
        log.error("Bid {}: {} in step {}; left to the step's deadline", bidId, what, phase, e);
    }

    /**
     * What cleared becomes the bid's dispatch ({@code DispatchSaga} takes it from there). Planned once: a second plan
     * of the same dispatch (a redelivered result) is the Dispatch's {@code DUPLICATE}, taken as done. A plan that
     * cannot be made is logged as an error and the cycle still closes with the market's outcome: the commitment
     * stands whether or not the fleet is told, and the operator sees the bid without a dispatch.
     */
    private void planDispatch(List<ClearedSlot> cleared, DispatchPlans dispatches, CommandGateway commands,
                              InstantSource clock) {
        try {
            commands.sendAndWait(dispatches.forBid(bidId, cleared, clock.instant()));
        } catch (CommandExecutionException e) {
            boolean duplicate = e.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                    .filter(r -> r.code() == RejectionCode.DUPLICATE).isPresent();
            if (!duplicate) log.error("Bid {}: its dispatch could not be planned; the cleared commitment has no dispatch", bidId, e);
        } catch (RuntimeException e) {
            log.error("Bid {}: its dispatch could not be planned; the cleared commitment has no dispatch", bidId, e);
        }
    }

    private void close(CommandGateway commands, DeadlineManager deadlines, InstantSource clock) {
        commands.send(new CloseBiddingCycle(bidId, clock.instant()));
        end(deadlines);
    }

    private void abort(Instant at, String reason, CommandGateway commands, DeadlineManager deadlines) {
        commands.send(new AbortBiddingCycle(bidId, at, reason));
        end(deadlines);
    }

    /**
     * A deadline's abort, on the condition that the Bid is still at the step this saga waits in: the saga's view can
     * lag the Bid (the step's event recorded in time, not handled yet, after a restart or behind a slow handler). The
     * Bid refuses it then, and the saga goes on when that event arrives.
     */
    private void abortIfStillInStep(Instant at, String reason, CommandGateway commands, DeadlineManager deadlines) {
        try {
            commands.sendAndWait(new AbortBiddingCycle(bidId, at, reason, lastRecordedStep(phase)));
        } catch (CommandExecutionException e) {
            boolean movedOn = e.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                    .filter(r -> "onlyIfStillAt".equals(r.field())).isPresent();
            if (movedOn) {
                log.info("Bid {}: not aborted at {} ({}): {}", bidId, at, reason, e.getMessage());
                return;
            }
            log.warn("Bid {}: the abort at {} ({}) was refused: {}", bidId, at, reason, e.getMessage());
        }
        end(deadlines);
    }

    /** The Bid's last recorded step while this saga waits in {@code phase}. */
    private static BidStatus lastRecordedStep(BiddingCyclePhase phase) {
        return switch (phase) {
            case FETCHING_INPUTS -> BidStatus.OPEN;
            case OPTIMIZING -> BidStatus.INPUTS_FETCHED;
            case DRAFTING -> BidStatus.SCHEDULED;
            case SUBMITTING -> BidStatus.DRAFTED;
            case AWAITING_RESULT -> BidStatus.SUBMITTED;
        };
    }

    private void end(DeadlineManager deadlines) {
        cancelAll(deadlines);
        SagaLifecycle.end();
    }

    private void cancelAll(DeadlineManager deadlines) {
        cancelStepDeadline(deadlines);
        cancel(deadlines, GATE_CLOSURE_DEADLINE, gateDeadlineId);
        cancel(deadlines, MARKET_RESULT_DEADLINE, marketDeadlineId);
        gateDeadlineId = null;
        marketDeadlineId = null;
    }

    private void cancelStepDeadline(DeadlineManager deadlines) {
        if (phase != null) cancel(deadlines, stepDeadlineName(phase), stepDeadlineId);
        stepDeadlineId = null;
        stepDueAt = null;
    }

    private static void cancel(DeadlineManager deadlines, String name, String id) {
        if (name != null && id != null) deadlines.cancelSchedule(name, id);
    }

    private static String stepDeadlineName(BiddingCyclePhase phase) {
        return switch (phase) {
            case FETCHING_INPUTS -> INPUTS_DEADLINE;
            case OPTIMIZING -> SCHEDULE_DEADLINE;
            case DRAFTING -> DRAFT_DEADLINE;
            case SUBMITTING, AWAITING_RESULT -> null;
        };
    }

    /** The solver's settings as recorded: when it stopped at its budget, that is said in its parameters. */
    private static SolverSettings recorded(ScheduleSolver.Solved solved) {
        if (!solved.cutShortByBudget()) return solved.solver();
        var parameters = new HashMap<>(solved.solver().parameters());
        parameters.put(CUT_SHORT_PARAMETER, "true");
        return new SolverSettings(solved.solver().solver(), solved.solver().timeBudget(), solved.solver().seed(), parameters);
    }
}
