package org.vpp.messages.dispatch;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.vpp.kernel.Megawatts;

/**
 * Record that one slot's setpoints went out: how many, the shortfalls foreseen, what was re-dispatched, and what
 * no asset could cover.
 */
public record RecordSlotDispatched(
        @TargetAggregateIdentifier DispatchId dispatchId,
        Instant at,
        Instant slotStart,
        int setpointsSent,
        List<Shortfall> shortfalls,
        List<Redispatch> redispatches,
        Megawatts uncovered) {

    public RecordSlotDispatched {
        shortfalls = shortfalls == null ? null : List.copyOf(shortfalls);
        redispatches = redispatches == null ? null : List.copyOf(redispatches);
    }
}
