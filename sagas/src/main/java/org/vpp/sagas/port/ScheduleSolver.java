package org.vpp.sagas.port;

import java.time.Duration;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SolverSettings;

/**
 * The optimizer as the bidding cycle sees it: a schedule for the whole fleet from the inputs recorded on the bid,
 * within a time budget. A port: the optimizer library on the application's solving service behind it.
 */
public interface ScheduleSolver {

    /** Solves within {@code request.budget()}; past it, returns the best schedule found so far. */
    Solved solve(Request request);

    record Request(BidId bidId, ContentReference fleetSnapshot, ForecastReference priceForecast,
                   ContentReference deviceForecasts, Duration budget) {
    }

    /**
     * @param schedule          the setpoints per asset, stored once by the adapter
     * @param plan              the fleet's net position per delivery slot, in order
     * @param gapToBound        relative gap to the LP bound; null when no bound exists
     * @param cutShortByBudget  true when the budget ran out before the solver finished: the plan is the best so far
     */
    record Solved(ContentReference schedule, List<PlannedSlot> plan, String score, double expectedRevenueEur,
                  Double gapToBound, SolverSettings solver, boolean cutShortByBudget) {
        public Solved {
            plan = List.copyOf(plan);
        }
    }
}
