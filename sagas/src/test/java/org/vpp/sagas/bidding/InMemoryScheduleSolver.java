package org.vpp.sagas.bidding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.sagas.port.ScheduleSolver;

/** A solver that plans to sell 2 MW in the first slot and buy 1.5 MW in the second; or stops at its budget. */
final class InMemoryScheduleSolver implements ScheduleSolver {

    static final ContentReference SCHEDULE = ContentReference.of("schedule/DE-LU:2026-06-16", "e".repeat(64));
    static final List<PlannedSlot> PLAN = List.of(
            new PlannedSlot(InMemoryBiddingInputs.SLOT_1, Megawatts.of(2)),
            new PlannedSlot(InMemoryBiddingInputs.SLOT_2, Megawatts.of(-1.5)));
    static final SolverSettings SETTINGS = new SolverSettings("timefold", Duration.ofMinutes(10), 42L, Map.of("moveThreadCount", "NONE"));

    private boolean overBudget;
    final List<Request> requests = new ArrayList<>();

    void runsOverBudget() {
        overBudget = true;
    }

    @Override
    public Solved solve(Request request) {
        requests.add(request);
        return overBudget
                ? new Solved(SCHEDULE, PLAN, "0hard/-1250soft", 980.0, 0.087, SETTINGS, true)
                : new Solved(SCHEDULE, PLAN, "0hard/-1100soft", 1040.0, 0.004, SETTINGS, false);
    }
}
