package org.vpp.messages.telemetry;

import java.time.Instant;

import org.vpp.messages.asset.AssetId;

/**
 * One measurement from a device. Telemetry is not an event: it goes to a time-series table and to the
 * last-known-state read model; only meaningful changes (lost, restored) become commands on the asset.
 *
 * @param soc state of charge in [0,1], null for devices without storage
 */
public record TelemetryReading(AssetId assetId, Instant at, double powerMw, Double soc, boolean available) {
}
