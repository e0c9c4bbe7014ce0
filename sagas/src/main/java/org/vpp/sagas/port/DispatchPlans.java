package org.vpp.sagas.port;

import java.time.Instant;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.dispatch.PlanDispatch;

/**
 * Turns a bid's cleared result into the plan of its market dispatch: the schedule the bid was drafted from, on the
 * fleet of its snapshot, following what cleared. A port: the stored inputs and schedule of the bid.
 */
public interface DispatchPlans {

    /** The command that plans the bid's dispatch; its plan is stored and referenced. */
    PlanDispatch forBid(BidId bidId, List<ClearedSlot> cleared, Instant at);
}
