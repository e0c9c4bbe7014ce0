package org.vpp.simulator.market;

import java.time.Instant;
import java.util.List;

/** Pay-as-cleared acceptance of step-wise bid curves against a given clearing price: pure functions. */
public final class ClearingRules {

    private ClearingRules() {
    }

    /** A sell step is in the money when its limit is at or below the price, a buy step when at or above. */
    public static boolean isInTheMoney(BidStep step, double clearingPriceEurPerMwh) {
        return step.isSell()
                ? step.limitPriceEurPerMwh() <= clearingPriceEurPerMwh
                : step.limitPriceEurPerMwh() >= clearingPriceEurPerMwh;
    }

    /** Each step is accepted whole or not at all, so a curve of several steps can be partly accepted. */
    public static SlotAward award(SlotBid bid, Instant slotStart, double clearingPriceEurPerMwh) {
        List<BidStep> steps = bid.steps();
        double offered = 0;
        double accepted = 0;
        int acceptedSteps = 0;
        for (BidStep step : steps) {
            offered += step.quantityMw();
            if (isInTheMoney(step, clearingPriceEurPerMwh)) {
                accepted += step.quantityMw();
                acceptedSteps++;
            }
        }
        return new SlotAward(bid.slot(), slotStart, clearingPriceEurPerMwh, offered, accepted, acceptedSteps,
                steps.size());
    }

    public static AwardStatus status(List<SlotAward> awards) {
        int accepted = awards.stream().mapToInt(SlotAward::acceptedSteps).sum();
        int total = awards.stream().mapToInt(SlotAward::totalSteps).sum();
        if (accepted == 0) {
            return AwardStatus.REJECTED;
        }
        return accepted == total ? AwardStatus.ACCEPTED : AwardStatus.PARTIALLY_ACCEPTED;
    }

    /** Revenue at the clearing price: sold energy earns, bought energy costs. */
    public static double revenueEur(List<SlotAward> awards, double slotHours) {
        return awards.stream().mapToDouble(a -> a.acceptedMw() * a.clearingPriceEurPerMwh() * slotHours).sum();
    }
}
