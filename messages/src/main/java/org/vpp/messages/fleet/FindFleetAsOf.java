package org.vpp.messages.fleet;

import java.time.Instant;

import org.vpp.messages.asset.AssetId;

/**
 * The tree under {@code rootId} (the whole fleet when null) as the VPP knew it at {@code asOf}: the assets' events
 * recorded up to that instant and the readings measured and received by then, rolled up as the live view is. Null
 * when the root did not exist then.
 */
public record FindFleetAsOf(AssetId rootId, Instant asOf) {
}
