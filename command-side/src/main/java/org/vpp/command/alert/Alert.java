package org.vpp.command.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vpp.command.common.Decision;
import org.vpp.messages.alert.AlertEvent;
import org.vpp.messages.alert.AlertId;
import org.vpp.messages.alert.ClearAlert;
import org.vpp.messages.alert.RaiseAlert;

/**
 * One alert (a kind and a subject) and its occurrences: raised when its condition starts, cleared when it ends. Both
 * commands may meet an alert never raised ({@link AlertDecisions} sees it as a null state; a clear of it records
 * nothing, so nothing is stored).
 */
@Aggregate
public class Alert {

    @AggregateIdentifier
    private AlertId alertId;
    private AlertState state;

    public Alert() {
        // for Axon: event sourcing and creation on the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RaiseAlert cmd) {
        return record(AlertDecisions.raise(state, cmd));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ClearAlert cmd) {
        return record(AlertDecisions.clear(state, cmd));
    }

    @EventSourcingHandler
    void on(AlertEvent event) {
        alertId = event.alertId();
        state = AlertState.evolve(state, event);
    }

    /** Records the decision's events; true when there were any (false: already raised, or already clear). */
    private static boolean record(Decision<AlertEvent> decision) {
        var events = decision.eventsOrThrow();
        events.forEach(event -> apply(event));
        return !events.isEmpty();
    }
}
