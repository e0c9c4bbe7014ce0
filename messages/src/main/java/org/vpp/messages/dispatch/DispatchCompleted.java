package org.vpp.messages.dispatch;

import java.time.Instant;

import org.vpp.kernel.Megawatts;

/** Delivery is over: every slot the dispatch ran was measured; totals at its node. */
public record DispatchCompleted(DispatchId dispatchId, Instant at, int slotsMeasured, Megawatts meanDeviation)
        implements DispatchEvent {
}
