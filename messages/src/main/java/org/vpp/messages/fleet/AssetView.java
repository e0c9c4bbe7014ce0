package org.vpp.messages.fleet;

import java.time.Instant;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;

/**
 * An asset in the fleet read model.
 *
 * @param version sequence number of the last event applied (0 after registration)
 * @param lastTelemetry the latest reading received, null if none
 */
public record AssetView(AssetId id, AssetKind kind, String name, AssetId parentId, AssetStatus status,
                        StatusOrigin statusOrigin, String statusReason, GeoLocation location, TechnicalLimits limits,
                        Instant registeredAt, Instant updatedAt, long version, LastTelemetry lastTelemetry) {
}
