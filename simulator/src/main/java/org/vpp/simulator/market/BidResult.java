package org.vpp.simulator.market;

import java.time.LocalDate;
import java.util.List;

/** A bid after clearing: its overall status, per-slot awards and the revenue at clearing prices (EUR, buy < 0). */
public record BidResult(
        String bidId,
        String bidderId,
        LocalDate deliveryDay,
        AwardStatus status,
        List<SlotAward> awards,
        double revenueEur) {

    public BidResult {
        awards = List.copyOf(awards);
    }
}
