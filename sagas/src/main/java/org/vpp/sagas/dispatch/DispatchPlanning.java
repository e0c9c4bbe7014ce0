package org.vpp.sagas.dispatch;

import static org.vpp.sagas.dispatch.MeritOrderAllocation.EPSILON_MW;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.BatteryEnergy;
import org.vpp.kernel.TechnicalLimits;

/**
 * From the schedule the bid was made of to the plan that delivers what the market cleared. Pure.
 *
 * <p>The market may clear less or more than the schedule's net, and a slot it did not clear is 0: the fleet's net must
 * be 0 there. Slot by slot, in order:
 * <ol>
 *   <li>each battery's planned power is first brought within what the energy it will really have allows
 *       ({@link Headroom#batteryRange}): earlier slots' moves may have left it fuller or emptier than planned;</li>
 *   <li>the gap is the cleared power less the sum of all devices' planned powers; a gap within 1e-9 MW changes
 *       nothing;</li>
 *   <li>the gap is shared by {@link MeritOrderAllocation} among the controllable devices, each with its {@link Headroom}
 *       from its planned power for the slot (a battery's state of charge being its planned stored energy at the slot's
 *       start over its capacity), and a generator planned off needing its minimum power to start;</li>
 *   <li>the shares are added to the powers, and each battery's planned stored energy at the start of every later slot
 *       moves by the change its new power makes over this slot ({@link BatteryEnergy#storedChangeMwh}), so the later
 *       slots' headrooms see the energy it really has.</li>
 * </ol>
 * What no device can take is that slot's unmet gap. The plan's target becomes the cleared power.
 */
public final class DispatchPlanning {

    private DispatchPlanning() {
    }

    /** The plan that follows the clearing, and per slot what it still misses of it (MW, signed like the gap). */
    public record Followed(DispatchPlan plan, double[] unmetMw) {
    }

    public static Followed followClearing(DispatchPlan schedulePlan, double[] clearedMw) {
        int slots = schedulePlan.slotCount();
        if (clearedMw.length != slots) {
            throw new IllegalArgumentException("cleared " + clearedMw.length + " slots for a plan of " + slots);
        }
        double hours = schedulePlan.slotLength().toNanos() / 3_600_000_000_000.0;
        Map<String, double[]> power = deepCopy(schedulePlan.powerMw());
        Map<String, double[]> soc = deepCopy(schedulePlan.socMwh());
        Map<String, DispatchDevice> devices = new HashMap<>();
        schedulePlan.devices().forEach(d -> devices.put(d.id(), d));
        double[] unmet = new double[slots];

        for (int s = 0; s < slots; s++) {
            // A battery's planned power must still fit the energy it will really have: earlier moves may have changed it.
            for (DispatchDevice d : schedulePlan.devices()) {
                if (!d.kind().isStorage() || !soc.containsKey(d.id()) || !power.containsKey(d.id())) continue;
                double[] range = Headroom.batteryRange(d, socFraction(d, soc, s), schedulePlan.slotLength());
                double p = power.get(d.id())[s];
                double fits = Math.max(range[0], Math.min(range[1], p));
                if (Math.abs(fits - p) > EPSILON_MW) move(d, power, soc, s, fits - p, hours, slots);
            }
            double net = 0;
            for (DispatchDevice d : schedulePlan.devices()) net += powerAt(power, d.id(), s);
            double gap = clearedMw[s] - net;
            if (Math.abs(gap) <= EPSILON_MW) continue;

            List<MeritOrderAllocation.Candidate> candidates = new ArrayList<>();
            for (DispatchDevice d : schedulePlan.devices()) {
                if (!d.controllable()) continue;
                double p = powerAt(power, d.id(), s);
                double headroom = Headroom.of(d, p, socFraction(d, soc, s), schedulePlan.slotLength()).toward(gap);
                double minimum = d.kind() == AssetKind.GENERATOR && p == 0 ? Math.max(0, d.limits().minPowerOr(0)) : 0;
                candidates.add(new MeritOrderAllocation.Candidate(d.id(), headroom, minimum, d.marginalCostEurPerMwh()));
            }
            MeritOrderAllocation.Allocation allocation = MeritOrderAllocation.allocate(gap, candidates);
            for (MeritOrderAllocation.Allocated a : allocation.allocations()) {
                move(devices.get(a.assetId()), power, soc, s, a.powerMw(), hours, slots);
            }
            unmet[s] = allocation.unmetMw();
        }

        DispatchPlan followed = new DispatchPlan(schedulePlan.dispatchId(), schedulePlan.kind(), schedulePlan.nodeId(),
                schedulePlan.start(), schedulePlan.slotLength(), slots, schedulePlan.devices(), schedulePlan.groups(),
                power, schedulePlan.baseMw(), soc, clearedMw.clone());
        return new Followed(followed, unmet);
    }

    /** Adds {@code deltaMw} to a device's power in a slot; a battery's stored energy at every later slot follows. */
    private static void move(DispatchDevice device, Map<String, double[]> power, Map<String, double[]> soc, int slot,
                             double deltaMw, double hours, int slots) {
        double[] p = power.computeIfAbsent(device.id(), id -> new double[slots]);
        double before = p[slot];
        p[slot] += deltaMw;
        double[] stored = soc.get(device.id());
        if (stored != null && device.kind().isStorage()) {
            TechnicalLimits l = device.limits();
            double ce = l.chargeEfficiencyOr(1);
            double de = l.dischargeEfficiencyOr(1);
            double change = BatteryEnergy.storedChangeMwh(p[slot] * hours, ce, de)
                    - BatteryEnergy.storedChangeMwh(before * hours, ce, de);
            for (int later = slot + 1; later < stored.length; later++) stored[later] += change;
        }
    }

    /** A battery's planned state of charge (0..1) at a slot's start; null when unknown, which Headroom treats warily. */
    private static Double socFraction(DispatchDevice device, Map<String, double[]> soc, int slot) {
        double[] stored = soc.get(device.id());
        double capacity = device.limits().energyCapacityOr(0);
        return stored == null || capacity <= 0 ? null : stored[slot] / capacity;
    }

    private static double powerAt(Map<String, double[]> power, String id, int slot) {
        double[] values = power.get(id);
        return values == null ? 0 : values[slot];
    }

    private static Map<String, double[]> deepCopy(Map<String, double[]> values) {
        Map<String, double[]> copy = new HashMap<>();
        values.forEach((id, array) -> copy.put(id, array.clone()));
        return copy;
    }
}
