package org.vpp.messages.dispatch;

import java.time.Instant;
import java.util.List;

import org.vpp.kernel.Megawatts;

/** One slot's setpoints went out to the devices, after re-dispatching the shortfalls foreseen. */
public record SlotDispatched(DispatchId dispatchId, Instant at, Instant slotStart, int setpointsSent,
                             List<Shortfall> shortfalls, List<Redispatch> redispatches, Megawatts uncovered)
        implements DispatchEvent {

    public SlotDispatched {
        shortfalls = List.copyOf(shortfalls);
        redispatches = List.copyOf(redispatches);
    }
}
