package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.Megawatts;

/**
 * How far the fleet's power can move in one slot, both as magnitudes (never negative): {@code up} towards
 * injection (what it can sell), {@code down} towards consumption (what it can buy).
 */
public record SlotFlexibility(Instant start, Megawatts up, Megawatts down) {
}
