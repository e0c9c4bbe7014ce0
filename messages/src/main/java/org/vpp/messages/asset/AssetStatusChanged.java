package org.vpp.messages.asset;

/** The status moved from {@code from} to {@code to}, set by an operator or by the telemetry watchdog. */
public record AssetStatusChanged(AssetId assetId, AssetStatus from, AssetStatus to, StatusOrigin origin,
                                 String reason) implements AssetEvent {
}
