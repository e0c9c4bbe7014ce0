package org.vpp.command.common;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * The one piece of glue every aggregate's command handler shares: apply the events a decision returned (or throw its
 * rejection) and answer the aggregate's version after them, so callers can wait for read models to reach it.
 */
public final class Recorder {

    private Recorder() {
    }

    /** Must be called inside a command handler of the aggregate the events belong to. */
    public static <E> long record(Decision<E> decision) {
        decision.eventsOrThrow().forEach(AggregateLifecycle::apply);
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }
}
