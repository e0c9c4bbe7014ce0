package org.vpp.api.dispatch;

import java.time.Instant;

import org.vpp.messages.dispatch.DispatchKind;

/**
 * One row of the setpoint outbox: a device's setpoint for one slot of one dispatch, absolute (MARKET) or a delta
 * (MANUAL), and from when it no longer applies when its dispatch was withdrawn.
 */
record SentSetpoint(String dispatchId, String assetId, Instant slotStart, Instant slotEnd, DispatchKind mode,
                    double setpointMw, Instant sentAt, Instant withdrawnFrom) {

    /** In its slot and not withdrawn at or before {@code at}. */
    boolean appliesAt(Instant at) {
        return !at.isBefore(slotStart) && at.isBefore(slotEnd) && (withdrawnFrom == null || withdrawnFrom.isAfter(at));
    }
}
