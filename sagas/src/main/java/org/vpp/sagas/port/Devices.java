package org.vpp.sagas.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.sagas.dispatch.DeviceCondition;
import org.vpp.sagas.dispatch.MeteredPower;

/**
 * The devices a dispatch talks to. A port: the simulator's twins, real device gateways later. A device follows,
 * in each slot, its market setpoint (absolute) plus the manual dispatches' deltas, as long as they are not withdrawn.
 */
public interface Devices {

    /**
     * Sends one slot's setpoints of a dispatch (absolute for MARKET, deltas for MANUAL). Idempotent per dispatch,
     * slot and device: sending the same slot again (a step redone after a crash) sends nothing twice. Answers how
     * many setpoints went out.
     */
    int send(DispatchId dispatch, DispatchKind mode, Instant slotStart, Instant slotEnd, Map<String, Double> setpointsMw);

    /** What was sent for a slot of a dispatch, by device (empty when nothing was). */
    Map<String, Double> sent(DispatchId dispatch, Instant slotStart);

    /** No setpoint of the dispatch applies from {@code from} on; the devices return to what else applies. Idempotent. */
    void withdraw(DispatchId dispatch, Instant from);

    /**
     * Per device, the manual deltas that apply in a slot (over every manual dispatch not withdrawn; a delta withdrawn
     * within the slot counts for the part of the slot it was in force), MW; devices without one are absent.
     */
    Map<String, Double> manualDeltas(Instant slotStart, Instant slotEnd);

    /** The registry status and newest reading of each device at {@code now}. */
    Map<String, DeviceCondition> conditions(Collection<String> assetIds, Instant now);

    /** The mean metered power of each device over [from, to) from its readings (absent: no reading). */
    Map<String, MeteredPower> metered(Collection<String> assetIds, Instant from, Instant to);
}
