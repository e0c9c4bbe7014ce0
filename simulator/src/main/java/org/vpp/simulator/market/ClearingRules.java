package org.vpp.simulator.market;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;

/** Pay-as-cleared acceptance of step-wise bid curves against a given clearing price: pure functions. */
public final class ClearingRules {

    private ClearingRules() {
    }

    /** A sell step is in the money when its limit is at or below the price, a buy step when at or above. */
    public static boolean isInTheMoney(BidStep step, EurPerMwh clearingPrice) {
        return step.isSell()
                ? step.limitPrice().value() <= clearingPrice.value()
                : step.limitPrice().value() >= clearingPrice.value();
    }

    /** Each step is accepted whole or not at all, so a curve of several steps can be partly accepted. */
    public static SlotAward award(SlotBid bid, Instant slotStart, EurPerMwh clearingPrice) {
        List<BidStep> steps = bid.steps();
        double offeredMw = 0;
        double acceptedMw = 0;
        int acceptedSteps = 0;
        for (BidStep step : steps) {
            offeredMw += step.quantity().value();
            if (isInTheMoney(step, clearingPrice)) {
                acceptedMw += step.quantity().value();
                acceptedSteps++;
            }
        }
        return new SlotAward(bid.slot(), slotStart, clearingPrice, Megawatts.of(offeredMw), Megawatts.of(acceptedMw),
                acceptedSteps, steps.size());
    }

    public static AwardStatus status(List<SlotAward> awards) {
        int accepted = awards.stream().mapToInt(SlotAward::acceptedSteps).sum();
        int total = awards.stream().mapToInt(SlotAward::totalSteps).sum();
        if (accepted == 0) {
            return AwardStatus.REJECTED;
        }
        return accepted == total ? AwardStatus.ACCEPTED : AwardStatus.PARTIALLY_ACCEPTED;
    }

    /** Revenue (EUR) at the clearing price: sold energy earns, bought energy costs. */
    public static double revenueEur(List<SlotAward> awards, Duration slotLength) {
        double slotHours = slotLength.toNanos() / 3.6e12;
        return awards.stream()
                .mapToDouble(a -> a.accepted().value() * a.clearingPrice().value() * slotHours)
                .sum();
    }
}
