package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/**
 * One slot of a bid. A positive quantity is a sell order: the least price it accepts is {@code limitPrice}. A
 * negative quantity is a buy order: the most it pays is {@code limitPrice}. Zero offers nothing.
 */
public record BidSlot(Instant start, Megawatts quantity, EurPerMwh limitPrice) {
}
