package org.vpp.messages.fleet;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetKind;
import org.vpp.messages.asset.AssetStatus;

/**
 * One node of a fleet view with its rolled-up capacities.
 *
 * @param installed every device below (or this device), whatever its status, decommissioned ones excluded
 * @param available devices that are ONLINE under ONLINE groups, capped by grid-connection limits on the way up
 */
public record FleetNodeView(AssetId id, AssetId parentId, int depth, AssetKind kind, String name, AssetStatus status,
                            Capacity installed, Capacity available) {
}
