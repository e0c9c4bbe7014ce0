package org.vpp.command.forecast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.vpp.command.common.Decision;
import org.vpp.messages.forecast.ForecastModelSelected;
import org.vpp.messages.forecast.RecordForecastEvaluation;
import org.vpp.messages.forecast.ForecastSourceEvent;
import org.vpp.messages.forecast.ForecastSourceId;
import org.vpp.messages.forecast.RecordForecastIssued;
import org.vpp.messages.forecast.RecordModelSelection;

/**
 * A forecast source (a PV plant, a load, a market zone's price) and its experiment log: which model each training
 * run selected, and which forecasts were issued with it. It is created by its first selection. Both handlers may
 * meet a source that does not exist yet, so that refusing an untrained source is a decision, not a lookup error;
 * {@link ForecastDecisions} sees such a source as a null state.
 */
@Aggregate(snapshotTriggerDefinition = "forecastSourceSnapshots")
public class ForecastSource {

    @AggregateIdentifier
    private ForecastSourceId sourceId;
    private ForecastSourceState state;

    public ForecastSource() {
        // for Axon: event sourcing and creation on the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordModelSelection cmd) {
        record(ForecastDecisions.selectModel(state, cmd));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordForecastIssued cmd) {
        record(ForecastDecisions.issueForecast(state, cmd));
    }

    @CommandHandler
    public void handle(RecordForecastEvaluation cmd) {
        record(ForecastDecisions.evaluateForecast(state, cmd));
    }

    @EventSourcingHandler
    void on(ForecastSourceEvent event) {
        if (state == null && event instanceof ForecastModelSelected first) {
            sourceId = first.sourceId();
            state = ForecastSourceState.selected(first);
        } else {
            state = state.evolve(event);
        }
    }

    private static void record(Decision<ForecastSourceEvent> decision) {
        decision.eventsOrThrow().forEach(event -> apply(event));
    }
}
