package org.vpp.messages.telemetry;

import java.time.Instant;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.StatusOrigin;

/** A device's status as the read model knows it, beside its newest reading (null fields: never reported). */
public record DeviceHealth(AssetId id, AssetStatus status, StatusOrigin origin, Instant registeredAt,
                           Instant lastReadingAt, Boolean lastAvailable) {
}
