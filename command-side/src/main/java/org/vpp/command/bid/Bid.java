package org.vpp.command.bid;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vpp.command.common.Decision;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidEvent;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BiddingCycleOpened;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SubmitBid;

/**
 * The bid of one market zone and delivery day, and the cycle that produces it. It only glues: asks
 * {@link BidDecisions} and records the events; event-sourcing handlers only assign. Opening is
 * {@code CREATE_IF_MISSING} so that opening a day that already has a cycle reaches the decision, which refuses it,
 * instead of surfacing as a storage conflict.
 */
@Aggregate
public class Bid {

    @AggregateIdentifier
    private BidId bidId;
    private BidState state;

    public Bid() {
        // for Axon: event sourcing and creation on the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenBiddingCycle cmd) {
        record(BidDecisions.open(state, cmd));
    }

    @CommandHandler
    public void handle(RecordBidInputs cmd) {
        record(BidDecisions.recordInputs(state, cmd));
    }

    @CommandHandler
    public void handle(RecordSchedule cmd) {
        record(BidDecisions.recordSchedule(state, cmd));
    }

    @CommandHandler
    public void handle(DraftBid cmd) {
        record(BidDecisions.draft(state, cmd));
    }

    @CommandHandler
    public void handle(SubmitBid cmd) {
        record(BidDecisions.submit(state, cmd));
    }

    @CommandHandler
    public void handle(RecordMarketResult cmd) {
        record(BidDecisions.recordResult(state, cmd));
    }

    @CommandHandler
    public void handle(CloseBiddingCycle cmd) {
        record(BidDecisions.close(state, cmd));
    }

    @CommandHandler
    public void handle(AbortBiddingCycle cmd) {
        record(BidDecisions.abort(state, cmd));
    }

    @EventSourcingHandler
    void on(BidEvent event) {
        if (event instanceof BiddingCycleOpened opened) {
            bidId = opened.bidId();
            state = BidState.opened(opened);
        } else {
            state = state.evolve(event);
        }
    }

    private static void record(Decision<BidEvent> decision) {
        decision.eventsOrThrow().forEach(event -> apply(event));
    }
}
