package org.vpp.messages.fleet;

import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;

/**
 * One node of a fleet view with its rolled-up capacities.
 *
 * @param installed every device below (or this device), whatever its status, decommissioned ones excluded
 * @param available devices below that are ONLINE, under groups (from this node down) that are ONLINE, capped by
 *                  grid-connection limits on the way up. A node's figures depend only on its subtree, so they are the
 *                  same in a subtree view and in the whole fleet; a group's status applies from that group upwards
 */
public record FleetNodeView(AssetId id, AssetId parentId, int depth, AssetKind kind, String name, AssetStatus status,
                            Capacity installed, Capacity available) {
}
