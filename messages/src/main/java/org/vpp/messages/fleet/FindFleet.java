package org.vpp.messages.fleet;

import org.vpp.messages.asset.AssetId;

/** The tree under {@code rootId} (or the whole fleet when null) with rolled-up capacities for every node. */
public record FindFleet(AssetId rootId) {
}
