package org.vpp.messages.asset;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A device that telemetry had marked OFFLINE reports again, and says it is available. */
public record ReportTelemetryRestored(@TargetAggregateIdentifier AssetId assetId, Instant readingAt) {
}
