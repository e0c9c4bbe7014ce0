package org.vpp.query.fleet;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.LastTelemetry;

/** What the roll-up needs of one node: its place in the tree, status, limits and last-known state. */
public record FleetRow(AssetId id, AssetId parentId, AssetKind kind, String name, AssetStatus status,
                       TechnicalLimits limits, LastTelemetry last) {
}
