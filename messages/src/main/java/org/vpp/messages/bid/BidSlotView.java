package org.vpp.messages.bid;

import java.time.Instant;

import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/**
 * One delivery slot of a bid, filled in step by step; each value is null until its step has happened.
 *
 * @param flexibilityUp   how far the fleet could move towards injection (from the inputs)
 * @param flexibilityDown how far towards consumption, a magnitude (from the inputs)
 * @param planned         the schedule's net position (positive = sell)
 * @param quantity        the last draft's quantity (positive = sell, negative = buy)
 * @param limitPrice      the last draft's limit price
 * @param cleared         what the market cleared, sign as in the bid
 * @param clearingPrice   the market's clearing price
 */
public record BidSlotView(Instant start, Megawatts flexibilityUp, Megawatts flexibilityDown, Megawatts planned,
                          Megawatts quantity, EurPerMwh limitPrice, Megawatts cleared, EurPerMwh clearingPrice) {
}
