package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.AssetKind;
import org.vpp.messages.dispatch.DispatchKind;

/**
 * An operator's request for extra power under a node for a window, shared among the devices there. Pure.
 *
 * <p>The rule, with R the request (MW, signed) and the window's slots s:
 * <ul>
 *   <li><b>candidates</b>: the controllable devices of the scope that are online and available;</li>
 *   <li><b>headroom</b>: the least, over the window's slots, of {@link Headroom} from the device's base in that slot
 *       (its scheduled setpoint, 0 without one) for one slot, in R's direction, because the extra is held constant
 *       over the window. For a battery also {@link Headroom} from its mean base over the whole window for the whole
 *       window: the energy must last the window, not just each slot;</li>
 *   <li><b>minimum</b>: a generator off (base 0) in some slot must start at its minimum power there, so that is its
 *       minimum; any other device takes any amount;</li>
 *   <li><b>allocation</b>: {@link MeritOrderAllocation}, constant over the window.</li>
 * </ul>
 * The plan is MANUAL: each allocated device's delta per slot, its base arrays (zeros when it has none), the allocated
 * total as the target of every slot, only the allocated devices (in merit order) and the given groups.
 */
public final class ManualAllocation {

    private ManualAllocation() {
    }

    /** The plan to dispatch and the allocation it came from (to report the merit order and headrooms). */
    public record ManualPlan(DispatchPlan plan, MeritOrderAllocation.Allocation allocation) {
    }

    public static ManualPlan plan(String dispatchId, String nodeId, double requestMw, Instant start,
                                  Duration slotLength, int slotCount, List<DispatchDevice> scope,
                                  List<GridGroup> groups, Map<String, double[]> baseMw,
                                  Map<String, DeviceCondition> conditions) {
        if (slotCount < 1 || !slotLength.isPositive()) {
            throw new IllegalArgumentException("a manual dispatch needs at least one slot of positive length");
        }
        Map<String, DispatchDevice> byId = new HashMap<>();
        List<MeritOrderAllocation.Candidate> candidates = new ArrayList<>();
        for (DispatchDevice device : scope) {
            byId.put(device.id(), device);
            DeviceCondition condition = conditions.get(device.id());
            if (!device.controllable() || condition == null || !condition.online() || !condition.available()) continue;
            double[] base = base(baseMw, device.id(), slotCount);
            candidates.add(new MeritOrderAllocation.Candidate(device.id(),
                    headroom(device, base, condition.soc(), slotLength, requestMw),
                    minimum(device, base), device.marginalCostEurPerMwh()));
        }
        MeritOrderAllocation.Allocation allocation = MeritOrderAllocation.allocate(requestMw, candidates);

        List<DispatchDevice> devices = new ArrayList<>();
        Map<String, double[]> power = new HashMap<>();
        Map<String, double[]> bases = new HashMap<>();
        for (MeritOrderAllocation.Allocated a : allocation.allocations()) {
            devices.add(byId.get(a.assetId()));
            power.put(a.assetId(), constant(slotCount, a.powerMw()));
            bases.put(a.assetId(), base(baseMw, a.assetId(), slotCount));
        }
        DispatchPlan plan = new DispatchPlan(dispatchId, DispatchKind.MANUAL, nodeId, start, slotLength, slotCount,
                devices, groups, power, bases, Map.of(), constant(slotCount, allocation.totalMw()));
        return new ManualPlan(plan, allocation);
    }

    private static double headroom(DispatchDevice device, double[] base, Double soc, Duration slotLength,
                                   double requestMw) {
        double headroom = Double.POSITIVE_INFINITY;
        for (double b : base) {
            headroom = Math.min(headroom, Headroom.of(device, b, soc, slotLength).toward(requestMw));
        }
        if (device.kind() == AssetKind.BATTERY) {
            double mean = Arrays.stream(base).average().orElse(0);
            Duration window = slotLength.multipliedBy(base.length);
            headroom = Math.min(headroom, Headroom.of(device, mean, soc, window).toward(requestMw));
        }
        return headroom;
    }

    private static double minimum(DispatchDevice device, double[] base) {
        if (device.kind() != AssetKind.GENERATOR || Arrays.stream(base).allMatch(b -> b != 0)) return 0;
        return Math.max(0, device.limits().minPowerOr(0));
    }

    /** A copy of the device's base over the window; zeros when it has none. */
    private static double[] base(Map<String, double[]> baseMw, String id, int slotCount) {
        double[] base = baseMw.get(id);
        if (base == null) return new double[slotCount];
        if (base.length < slotCount) {
            throw new IllegalArgumentException("the base of " + id + " has " + base.length + " slots, not " + slotCount);
        }
        return Arrays.copyOf(base, slotCount);
    }

    private static double[] constant(int slotCount, double value) {
        double[] values = new double[slotCount];
        Arrays.fill(values, value);
        return values;
    }
}
