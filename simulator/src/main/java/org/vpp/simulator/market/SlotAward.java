package org.vpp.simulator.market;

import java.time.Instant;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/**
 * The clearing of one slot for one bid: the clearing price, the net quantity offered and accepted (positive =
 * sold), and how many steps of the curve were in the money.
 */
public record SlotAward(
        int slot,
        Instant slotStart,
        EurPerMwh clearingPrice,
        Megawatts offered,
        Megawatts accepted,
        int acceptedSteps,
        int totalSteps) {
}
