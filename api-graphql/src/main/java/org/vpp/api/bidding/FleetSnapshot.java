package org.vpp.api.bidding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.query.fleet.FleetRow;

/**
 * What a bidding cycle planned with: every device that could take part at {@code asOf} (ONLINE, under ONLINE groups
 * only, the rule of the fleet's <em>available</em> capacity), with its limits and last known state of charge, and
 * the groups above them with their grid-connection limits. Stored once per cycle as JSON and referenced by hash.
 *
 * @param left out devices that are not ONLINE or sit under a group that is not, by id, with the reason
 */
public record FleetSnapshot(Instant asOf, List<Device> devices, List<Group> groups, Map<String, String> leftOut) {

    public FleetSnapshot {
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
        leftOut = Map.copyOf(leftOut);
    }

    /** @param soc the last reported state of charge as a fraction, null when never reported; {@code socAt} its time */
    public record Device(String id, AssetKind kind, String parentId, TechnicalLimits limits, Double soc, Instant socAt) {
    }

    public record Group(String id, AssetKind kind, String parentId, Double gridLimitMw) {
    }

    /** The snapshot of the registry's rows (every node of the tree, as the read model has them). */
    public static FleetSnapshot of(List<FleetRow> rows, Instant asOf) {
        Map<String, FleetRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id().value(), r));
        List<Device> devices = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Map<String, String> leftOut = new HashMap<>();
        for (FleetRow row : rows) {
            if (row.status() == AssetStatus.DECOMMISSIONED) continue;
            String parent = row.parentId() == null ? null : row.parentId().value();
            if (row.kind().isGroup()) {
                groups.add(new Group(row.id().value(), row.kind(), parent,
                        row.limits() == null ? null : row.limits().gridConnectionLimitMw()));
                continue;
            }
            String why = unavailable(row, byId);
            if (why != null) {
                leftOut.put(row.id().value(), why);
                continue;
            }
            var last = row.last();
            devices.add(new Device(row.id().value(), row.kind(), parent, row.limits(),
                    last == null ? null : last.soc(), last == null ? null : last.at()));
        }
        devices.sort(Comparator.comparing(Device::id));
        groups.sort(Comparator.comparing(Group::id));
        return new FleetSnapshot(asOf, devices, groups, leftOut);
    }

    private static String unavailable(FleetRow device, Map<String, FleetRow> byId) {
        if (device.status() != AssetStatus.ONLINE) return "status " + device.status();
        for (FleetRow up = parent(device, byId); up != null; up = parent(up, byId)) {
            if (up.status() != AssetStatus.ONLINE) return "group " + up.id().value() + " is " + up.status();
        }
        return null;
    }

    private static FleetRow parent(FleetRow row, Map<String, FleetRow> byId) {
        return row.parentId() == null ? null : byId.get(row.parentId().value());
    }

    /** The site (nearest SITE ancestor) of each device; devices outside any site map to their parent or themselves. */
    public Map<String, String> siteOfDevice() {
        Map<String, Group> byId = new HashMap<>();
        groups.forEach(g -> byId.put(g.id(), g));
        Map<String, String> sites = new HashMap<>();
        for (Device d : devices) {
            String site = null;
            for (Group g = byId.get(d.parentId()); g != null && site == null; g = byId.get(g.parentId())) {
                if (g.kind() == AssetKind.SITE) site = g.id();
            }
            sites.put(d.id(), site != null ? site : d.parentId() != null ? d.parentId() : d.id());
        }
        return sites;
    }
}
