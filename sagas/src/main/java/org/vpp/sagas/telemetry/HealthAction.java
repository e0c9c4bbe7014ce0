package org.vpp.sagas.telemetry;

import java.time.Instant;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.TelemetryLossCause;

/** What the telemetry watchdog should tell an asset. */
public sealed interface HealthAction {

    AssetId assetId();

    record Lost(AssetId assetId, TelemetryLossCause cause, Instant lastSeen) implements HealthAction {
    }

    record Restored(AssetId assetId, Instant readingAt) implements HealthAction {
    }
}
