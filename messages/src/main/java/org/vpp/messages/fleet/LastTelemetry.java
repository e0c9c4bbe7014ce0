package org.vpp.messages.fleet;

import java.time.Instant;

/** Last-known state of a device from telemetry: the newest reading by measurement time. */
public record LastTelemetry(Instant at, double powerMw, Double soc, boolean available) {
}
