package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.Megawatts;

/** The schedule's net position of the fleet in one slot; positive = sell (injection), negative = buy. */
public record PlannedSlot(Instant start, Megawatts power) {
}
