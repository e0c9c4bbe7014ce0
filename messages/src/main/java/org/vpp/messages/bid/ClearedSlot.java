package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/** The market's answer for one slot: the quantity cleared (sign as in the bid, zero if none) and the price. */
public record ClearedSlot(Instant start, Megawatts cleared, EurPerMwh clearingPrice) {
}
