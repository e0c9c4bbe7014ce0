package org.vpp.simulator.market;

import java.time.Instant;

/**
 * The clearing of one slot for one bid: the clearing price, the net quantity offered and accepted (MW, positive =
 * sold), and how many steps of the curve were in the money.
 */
public record SlotAward(
        int slot,
        Instant slotStart,
        double clearingPriceEurPerMwh,
        double offeredMw,
        double acceptedMw,
        int acceptedSteps,
        int totalSteps) {
}
