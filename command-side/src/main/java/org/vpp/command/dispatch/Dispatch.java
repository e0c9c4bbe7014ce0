package org.vpp.command.dispatch;

import static org.vpp.command.common.Recorder.record;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vpp.messages.dispatch.CancelDispatch;
import org.vpp.messages.dispatch.CompleteDispatch;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.messages.dispatch.RecordSlotDelivery;
import org.vpp.messages.dispatch.RecordSlotDispatched;
import org.vpp.messages.dispatch.SettleDispatch;

/**
 * One dispatch: the execution of a bid's cleared result, or of an operator's request, slot by slot, and its
 * settlement. It only glues: asks {@link DispatchDecisions} and records the events; event-sourcing handlers only
 * assign. Planning is {@code CREATE_IF_MISSING} so that planning a dispatch twice reaches the decision (a
 * {@code DUPLICATE}) instead of a storage conflict. Handlers answer the aggregate's version, for read-your-writes.
 */
@Aggregate
public class Dispatch {

    @AggregateIdentifier
    private DispatchId dispatchId;
    private DispatchState state;

    public Dispatch() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(PlanDispatch cmd) {
        return record(DispatchDecisions.plan(state, cmd));
    }

    @CommandHandler
    public long handle(RecordSlotDispatched cmd) {
        return record(DispatchDecisions.recordDispatched(state, cmd));
    }

    @CommandHandler
    public long handle(RecordSlotDelivery cmd) {
        return record(DispatchDecisions.recordDelivery(state, cmd));
    }

    @CommandHandler
    public long handle(CancelDispatch cmd) {
        return record(DispatchDecisions.cancel(state, cmd));
    }

    @CommandHandler
    public long handle(CompleteDispatch cmd) {
        return record(DispatchDecisions.complete(state, cmd));
    }

    @CommandHandler
    public long handle(SettleDispatch cmd) {
        return record(DispatchDecisions.settle(state, cmd));
    }

    @EventSourcingHandler
    void on(DispatchEvent event) {
        if (event instanceof DispatchPlanned planned) {
            dispatchId = planned.dispatchId();
            state = DispatchState.planned(planned);
        } else {
            state = state.evolve(event);
        }
    }
}
