package org.vpp.api.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.PlanningProblem;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.sagas.dispatch.DispatchDevice;
import org.vpp.sagas.dispatch.GridGroup;
import org.vpp.sagas.port.DispatchScopes;

/**
 * A fleet snapshot as a dispatch's scope: each device with the groups above it (nearest first), whether it takes
 * setpoints and its marginal cost (batteries their wear, generators the configured fuel cost, renewables nothing),
 * and the groups with their grid limits. A snapshot of several roots gets a virtual root, {@value #FLEET}, so one
 * node carries the dispatch.
 */
final class SnapshotScope {

    static final String FLEET = "fleet";

    private SnapshotScope() {
    }

    static DispatchScopes.Scope of(FleetSnapshot fleet, double generatorCostEurPerMwh) {
        Map<String, FleetSnapshot.Group> groups = new HashMap<>();
        fleet.groups().forEach(g -> groups.put(g.id(), g));
        List<String> roots = fleet.groups().stream().filter(g -> g.parentId() == null || !groups.containsKey(g.parentId()))
                .map(FleetSnapshot.Group::id).sorted().toList();
        boolean virtualRoot = roots.size() != 1;
        String node = virtualRoot ? FLEET : roots.getFirst();
        List<DispatchDevice> devices = new ArrayList<>();
        for (FleetSnapshot.Device d : fleet.devices()) {
            List<String> path = new ArrayList<>();
            for (FleetSnapshot.Group g = groups.get(d.parentId()); g != null; g = groups.get(g.parentId())) path.add(g.id());
            if (virtualRoot) path.add(FLEET);
            TechnicalLimits limits = d.limits() == null ? TechnicalLimits.NONE : d.limits();
            boolean controllable = switch (d.kind()) {
                case BATTERY, GENERATOR, PV, WIND -> true;
                default -> false;
            };
            double cost = switch (d.kind()) {
                case BATTERY -> PlanningProblem.DEGRADATION_EUR_PER_MWH;
                case GENERATOR -> generatorCostEurPerMwh;
                default -> 0;
            };
            devices.add(new DispatchDevice(d.id(), d.kind(), path, limits, controllable, cost, d.soc()));
        }
        List<GridGroup> gridGroups = new ArrayList<>(fleet.groups().stream()
                .map(g -> new GridGroup(g.id(), g.kind(), virtualRoot && roots.contains(g.id()) ? FLEET : g.parentId(),
                        g.gridLimitMw())).toList());
        if (virtualRoot) gridGroups.add(new GridGroup(FLEET, AssetKind.PORTFOLIO, null, null));
        AssetKind kind = virtualRoot ? AssetKind.PORTFOLIO : groups.get(node).kind();
        return new DispatchScopes.Scope(node, kind, devices, gridGroups);
    }
}
