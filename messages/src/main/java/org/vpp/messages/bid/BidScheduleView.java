package org.vpp.messages.bid;

import java.time.Instant;

/** The schedule a bid was priced from: what {@link SchedulePrepared} recorded, less the per-slot plan. */
public record BidScheduleView(Instant preparedAt, ContentReference schedule, String score, double expectedRevenueEur,
                              Double gapToBound, SolverSettings solver) {
}
