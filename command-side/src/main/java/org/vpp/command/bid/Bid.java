package org.vpp.command.bid;

import static org.vpp.command.common.Recorder.record;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
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
 * {@link BidDecisions} and records the events; event-sourcing handlers only assign. Command handlers answer the
 * aggregate's version after the command, so callers can wait for read models to reach it. Opening is
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
    public long handle(OpenBiddingCycle cmd) {
        return record(BidDecisions.open(state, cmd));
    }

    @CommandHandler
    public long handle(RecordBidInputs cmd) {
        return record(BidDecisions.recordInputs(state, cmd));
    }

    @CommandHandler
    public long handle(RecordSchedule cmd) {
        return record(BidDecisions.recordSchedule(state, cmd));
    }

    @CommandHandler
    public long handle(DraftBid cmd) {
        return record(BidDecisions.draft(state, cmd));
    }

    @CommandHandler
    public long handle(SubmitBid cmd) {
        return record(BidDecisions.submit(state, cmd));
    }

    @CommandHandler
    public long handle(RecordMarketResult cmd) {
        return record(BidDecisions.recordResult(state, cmd));
    }

    @CommandHandler
    public long handle(CloseBiddingCycle cmd) {
        return record(BidDecisions.close(state, cmd));
    }

    @CommandHandler
    public long handle(AbortBiddingCycle cmd) {
        return record(BidDecisions.abort(state, cmd));
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
}
