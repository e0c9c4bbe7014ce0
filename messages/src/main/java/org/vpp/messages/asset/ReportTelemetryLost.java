package org.vpp.messages.asset;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The telemetry watchdog lost sight of a device: it fell silent, or it reported itself unavailable.
 *
 * @param lastSeen   time of the last reading, or null if the device never reported
 * @param detectedAt when the watchdog noticed, on the application clock
 */
public record ReportTelemetryLost(@TargetAggregateIdentifier AssetId assetId, TelemetryLossCause cause,
                                  Instant lastSeen, Instant detectedAt) {
}
