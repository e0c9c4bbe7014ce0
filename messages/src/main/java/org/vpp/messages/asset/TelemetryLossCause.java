package org.vpp.messages.asset;

public enum TelemetryLossCause {
    /** No reading for longer than the configured timeout. */
    SILENT,
    /** The device's own latest reading says it is not available. */
    DEVICE_UNAVAILABLE
}
