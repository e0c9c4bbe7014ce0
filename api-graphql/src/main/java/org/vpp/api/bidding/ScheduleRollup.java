package org.vpp.api.bidding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.AssetKind;

/**
 * A schedule per node of the fleet tree: each group's power per slot is the sum of the plans of the devices beneath
 * it, on the tree as the cycle's snapshot recorded it (not as it is today). Pure.
 */
public final class ScheduleRollup {

    private ScheduleRollup() {
    }

    /**
     * @param depth      0 for a root of the snapshot's tree
     * @param assetCount planned devices beneath (a device counts itself)
     * @param energyMwh  net energy over the horizon (positive = injected)
     */
    public record NodePlan(String id, AssetKind kind, String parentId, int depth, int assetCount, double[] powerMw,
                           double energyMwh) {
    }

    /** Every group of the snapshot with at least one planned device beneath, roots first, then by id. */
    public static List<NodePlan> nodes(FleetSnapshot fleet, StoredSchedule schedule) {
        Map<String, FleetSnapshot.Group> groups = new HashMap<>();
        fleet.groups().forEach(g -> groups.put(g.id(), g));
        Map<String, String> parentOfDevice = new HashMap<>();
        fleet.devices().forEach(d -> parentOfDevice.put(d.id(), d.parentId()));
        int n = schedule.assets().isEmpty() ? 0 : schedule.assets().getFirst().powerMw().length;
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (StoredSchedule.AssetPlan plan : schedule.assets()) {
            for (var g = groups.get(parentOfDevice.get(plan.assetId())); g != null; g = groups.get(g.parentId())) {
                double[] sum = sums.computeIfAbsent(g.id(), k -> new double[n]);
                for (int t = 0; t < n; t++) sum[t] += plan.powerMw()[t];
                counts.merge(g.id(), 1, Integer::sum);
            }
        }
        double slotHours = schedule.slotLength().toSeconds() / 3600.0;
        List<NodePlan> nodes = new ArrayList<>();
        sums.forEach((id, power) -> {
            FleetSnapshot.Group g = groups.get(id);
            double energy = 0;
            for (double p : power) energy += p * slotHours;
            nodes.add(new NodePlan(id, g.kind(), g.parentId(), depth(g, groups), counts.get(id), power, energy));
        });
        nodes.sort(Comparator.comparingInt(NodePlan::depth).thenComparing(NodePlan::id));
        return nodes;
    }

    private static int depth(FleetSnapshot.Group g, Map<String, FleetSnapshot.Group> groups) {
        int depth = 0;
        for (var up = groups.get(g.parentId()); up != null; up = groups.get(up.parentId())) depth++;
        return depth;
    }
}
