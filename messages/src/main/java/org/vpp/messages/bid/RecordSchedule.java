package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the schedule the optimizer prepared. The setpoints per asset are stored under {@code schedule}; the
 * fleet's net position per slot, from which the bid is priced, travels in full.
 *
 * @param expectedRevenueEur revenue at forecast prices, net of degradation and fuel cost
 * @param gapToBound         relative gap to the LP (or MILP) bound, e.g. 0.012 for 1.2 %; null when no bound exists
 * @param plan               one entry per delivery slot, in order
 */
public record RecordSchedule(
        @TargetAggregateIdentifier BidId bidId,
        Instant preparedAt,
        ContentReference schedule,
        List<PlannedSlot> plan,
        String score,
        double expectedRevenueEur,
        Double gapToBound,
        SolverSettings solver) {
}
