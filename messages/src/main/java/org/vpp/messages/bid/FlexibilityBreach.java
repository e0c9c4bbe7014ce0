package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.Megawatts;

/** A slot where a drafted quantity went beyond what the fleet can deliver in that direction. */
public record FlexibilityBreach(Instant start, Megawatts requested, Megawatts available) {
}
