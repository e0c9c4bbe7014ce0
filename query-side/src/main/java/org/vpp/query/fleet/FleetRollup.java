package org.vpp.query.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.Capacity;
import org.vpp.messages.fleet.FleetNodeView;
import org.vpp.messages.fleet.FleetView;
import org.vpp.messages.fleet.LastTelemetry;

/**
 * Rolls device capacities up the tree. Installed: every device that is not decommissioned. Available: devices
 * that are ONLINE and whose every ancestor is ONLINE, with each group's grid-connection limit clipping what passes
 * through it. A pure function of the rows it is given.
 */
public final class FleetRollup {

    private FleetRollup() {
    }

    /**
     * @param rows   the subtree (or the whole fleet), in any order
     * @param rootId the node asked for, or null for every root among the rows
     */
    public static FleetView rollup(List<FleetRow> rows, AssetId rootId) {
        Map<AssetId, FleetRow> byId = rows.stream().collect(Collectors.toMap(FleetRow::id, r -> r, (a, b) -> a, LinkedHashMap::new));
        Map<AssetId, List<FleetRow>> children = new HashMap<>();
        List<FleetRow> roots = new ArrayList<>();
        for (FleetRow row : rows) {
            boolean isRoot = rootId != null ? row.id().equals(rootId) : row.parentId() == null || !byId.containsKey(row.parentId());
            if (isRoot) roots.add(row);
            else if (row.parentId() != null) children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
        }
        Comparator<FleetRow> byIdOrder = Comparator.comparing(FleetRow::id);
        roots.sort(byIdOrder);
        children.values().forEach(list -> list.sort(byIdOrder));

        Map<AssetId, Capacity[]> capacities = new HashMap<>();
        for (FleetRow root : roots) computePostOrder(root, children, capacities);

        List<FleetNodeView> nodes = new ArrayList<>(rows.size());
        Capacity installed = Capacity.ZERO;
        Capacity available = Capacity.ZERO;
        for (FleetRow root : roots) {
            Capacity[] c = capacities.get(root.id());
            installed = installed.plus(c[0]);
            available = available.plus(c[1]);
            appendPreOrder(root, 0, children, capacities, nodes);
        }
        FleetNodeView rootView = rootId == null || nodes.isEmpty() ? null : nodes.getFirst();
        return new FleetView(rootView, installed, available, nodes);
    }

    /** Iterative post-order, so a deep tree cannot overflow the stack. Each entry: {installed, available}. */
    private static void computePostOrder(FleetRow root, Map<AssetId, List<FleetRow>> children, Map<AssetId, Capacity[]> out) {
        Deque<FleetRow> stack = new ArrayDeque<>();
        Deque<FleetRow> order = new ArrayDeque<>();
        Set<AssetId> seen = new java.util.HashSet<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            FleetRow row = stack.pop();
            if (!seen.add(row.id())) continue;
            order.push(row);
            for (FleetRow child : children.getOrDefault(row.id(), List.of())) stack.push(child);
        }
        while (!order.isEmpty()) {
            FleetRow row = order.pop();
            out.put(row.id(), nodeCapacity(row, children.getOrDefault(row.id(), List.of()), out));
        }
    }

    static Capacity[] nodeCapacity(FleetRow row, List<FleetRow> kids, Map<AssetId, Capacity[]> computed) {
        if (row.status() == AssetStatus.DECOMMISSIONED) return new Capacity[]{Capacity.ZERO, Capacity.ZERO};
        if (row.kind().isDevice()) {
            Capacity own = deviceCapacity(row.limits(), row.last());
            return new Capacity[]{own, row.status() == AssetStatus.ONLINE ? own : Capacity.ZERO};
        }
        Capacity installed = Capacity.ZERO;
        Capacity available = Capacity.ZERO;
        for (FleetRow kid : kids) {
            Capacity[] c = computed.get(kid.id());
            installed = installed.plus(c[0]);
            available = available.plus(c[1]);
        }
        if (row.status() != AssetStatus.ONLINE) available = Capacity.ZERO;
        Double grid = row.limits() == null ? null : row.limits().gridConnectionLimitMw();
        if (grid != null) available = available.cappedAt(grid);
        return new Capacity[]{installed, available};
    }

    /** One device's contribution; SoC-dependent energy counts only when the SoC is known. */
    public static Capacity deviceCapacity(TechnicalLimits l, LastTelemetry last) {
        double max = l == null || l.maxPowerMw() == null ? 0 : l.maxPowerMw();
        double min = l == null || l.minPowerMw() == null ? 0 : l.minPowerMw();
        double usable = 0, stored = 0, headroom = 0;
        if (l != null && l.energyCapacityMwh() != null) {
            double cap = l.energyCapacityMwh();
            double floor = l.usableSocFloor();
            double ceiling = l.maxSoc() == null ? 1.0 : l.maxSoc();
            usable = cap * Math.max(0, ceiling - floor);
            if (last != null && last.soc() != null) {
                stored = cap * Math.max(0, last.soc() - floor);
                headroom = cap * Math.max(0, ceiling - last.soc());
            }
        }
        double current = last == null ? 0 : last.powerMw();
        return new Capacity(1, max, min, usable, stored, headroom, current, last == null ? 1 : 0);
    }

    private static void appendPreOrder(FleetRow root, int rootDepth, Map<AssetId, List<FleetRow>> children,
                                       Map<AssetId, Capacity[]> capacities, List<FleetNodeView> out) {
        Deque<Visit> stack = new ArrayDeque<>();
        stack.push(new Visit(root, rootDepth));
        while (!stack.isEmpty()) {
            Visit visit = stack.pop();
            FleetRow row = visit.row();
            int depth = visit.depth();
            Capacity[] c = capacities.get(row.id());
            if (c == null) continue;
            out.add(new FleetNodeView(row.id(), row.parentId(), depth, row.kind(), row.name(), row.status(), c[0], c[1]));
            List<FleetRow> kids = children.getOrDefault(row.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(new Visit(kids.get(i), depth + 1));
        }
    }

    private record Visit(FleetRow row, int depth) {
    }
}
