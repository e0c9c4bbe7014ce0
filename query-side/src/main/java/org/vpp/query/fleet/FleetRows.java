package org.vpp.query.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetLimitsUpdated;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.fleet.LastTelemetry;

/**
 * The fleet's rows as a pure function of the assets' events: what {@link FleetProjection} writes to
 * {@code asset_node}, computed in memory, so that a past state is rebuilt from the events up to an instant and
 * rolled up by the same {@link FleetRollup} as the live view.
 */
public final class FleetRows {

    private FleetRows() {
    }

    /** The row after the event; {@code row} is null before the asset's registration. */
    public static FleetRow evolve(FleetRow row, AssetEvent event) {
        return switch (event) {
            case AssetRegistered e -> new FleetRow(e.assetId(), e.parentId(), e.kind(), e.name(), e.status(), e.limits(), null);
            case AssetLimitsUpdated e -> new FleetRow(row.id(), row.parentId(), row.kind(), row.name(), row.status(), e.limits(), row.last());
            case AssetRenamed e -> new FleetRow(row.id(), row.parentId(), row.kind(), e.to(), row.status(), row.limits(), row.last());
            case AssetMoved e -> new FleetRow(row.id(), e.toParentId(), row.kind(), row.name(), row.status(), row.limits(), row.last());
            case AssetStatusChanged e -> new FleetRow(row.id(), row.parentId(), row.kind(), row.name(), e.to(), row.limits(), row.last());
            case AssetDecommissioned e -> new FleetRow(row.id(), row.parentId(), row.kind(), row.name(), AssetStatus.DECOMMISSIONED,
                    row.limits(), row.last());
        };
    }

    public static FleetRow withTelemetry(FleetRow row, LastTelemetry last) {
        return new FleetRow(row.id(), row.parentId(), row.kind(), row.name(), row.status(), row.limits(), last);
    }

    /** {@code root} and every row below it, parents first; every row when {@code root} is null. */
    public static List<FleetRow> subtree(Collection<FleetRow> rows, AssetId root) {
        if (root == null) return List.copyOf(rows);
        Map<AssetId, FleetRow> byId = new HashMap<>();
        Map<AssetId, List<FleetRow>> children = new HashMap<>();
        for (FleetRow row : rows) {
            byId.put(row.id(), row);
            if (row.parentId() != null) children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
        }
        FleetRow top = byId.get(root);
        if (top == null) return List.of();
        List<FleetRow> out = new ArrayList<>();
        Deque<FleetRow> stack = new ArrayDeque<>();
        java.util.Set<AssetId> seen = new java.util.HashSet<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            FleetRow row = stack.pop();
            if (!seen.add(row.id())) continue;
            out.add(row);
            children.getOrDefault(row.id(), List.of()).forEach(stack::push);
        }
        return out;
    }
}
