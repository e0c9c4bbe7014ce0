package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

/** The optimizer's schedule: its net position per slot, score, expected revenue, gap and how it was computed. */
public record SchedulePrepared(BidId bidId, Instant at, ContentReference schedule, List<PlannedSlot> plan,
                               String score, double expectedRevenueEur, Double gapToBound, SolverSettings solver)
        implements BidEvent {

    public SchedulePrepared {
        plan = List.copyOf(plan);
    }
}
