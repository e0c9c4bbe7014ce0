package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vpp.messages.dispatch.DispatchKind;

/**
 * What a dispatch sends, stored once as content and referenced by {@code DispatchPlanned}: its scope (devices with
 * their place in the tree, groups with their grid limits) and per device one power per slot.
 * <ul>
 *   <li>MARKET: absolute setpoints for controllable devices, the expected power of the others; {@code targetMw} is
 *       what cleared, per slot;</li>
 *   <li>MANUAL: each allocated device's extra power on top of its schedule (a delta), {@code baseMw} the schedule's
 *       setpoint it adds to (0 without one); {@code targetMw} is the allocated total.</li>
 * </ul>
 * Arrays are per slot, from {@code start} in steps of {@code slotLength}; {@code socMwh} holds each battery's planned
 * stored energy at the start of each slot (MARKET only).
 */
public record DispatchPlan(String dispatchId, DispatchKind kind, String nodeId, Instant start, Duration slotLength,
                           int slotCount, List<DispatchDevice> devices, List<GridGroup> groups,
                           Map<String, double[]> powerMw, Map<String, double[]> baseMw,
                           Map<String, double[]> socMwh, double[] targetMw) {

    public DispatchPlan {
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        powerMw = Map.copyOf(powerMw);
        baseMw = Map.copyOf(baseMw);
        socMwh = Map.copyOf(socMwh);
    }

    /**
     * A battery's planned stored energy (MWh) at the start of a slot, as the schedule planned it; null when the plan
     * has none (manual dispatches, devices that are not batteries).
     */
    public Double socMwhAt(String deviceId, int slot) {
        double[] values = socMwh.get(deviceId);
        return values == null ? null : values[slot];
    }

    public Instant slotStart(int slot) {
        return start.plus(slotLength.multipliedBy(slot));
    }

    public Instant end() {
        return slotStart(slotCount);
    }

    /** The device's planned power in a slot (setpoint, expected power or delta by {@link #kind()}); 0 when none. */
    public double power(String deviceId, int slot) {
        double[] values = powerMw.get(deviceId);
        return values == null ? 0 : values[slot];
    }

    /** A manual dispatch's base (the schedule's setpoint the delta adds to); 0 when none. */
    public double base(String deviceId, int slot) {
        double[] values = baseMw.get(deviceId);
        return values == null ? 0 : values[slot];
    }

    public Optional<DispatchDevice> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
