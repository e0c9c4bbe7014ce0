package org.vpp.command.asset;

import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;

/** What the command side must know of another asset to validate tree changes. */
public record TopologyNode(AssetId id, AssetKind kind, AssetId parentId, boolean decommissioned) {
}
