package org.vpp.messages.bid;

import org.vpp.kernel.MegawattHours;

/**
 * A bid's figures over its slots. Energies are volumes: sales and purchases both count as positive.
 *
 * @param offered    energy of the last draft; null until a bid is drafted
 * @param cleared    energy the market cleared; null until it answers
 * @param revenueEur what the cleared energy earns at the clearing prices (sales earn, purchases cost); null until
 *                   the market answers
 */
public record BidTotals(MegawattHours offered, MegawattHours cleared, Double revenueEur) {
}
