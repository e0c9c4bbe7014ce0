package org.vpp.sagas.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.PlanDispatch;
import org.vpp.sagas.port.DispatchPlans;

/** The dispatch plans port in memory: answers a plan made of the cleared slots, remembers what it was asked. */
final class RecordingDispatchPlans implements DispatchPlans {

    final List<BidId> requests = new ArrayList<>();
    RuntimeException failWith;

    @Override
    public PlanDispatch forBid(BidId bidId, List<ClearedSlot> cleared, Instant at) {
        requests.add(bidId);
        if (failWith != null) throw failWith;
        return plan(bidId, cleared, at);
    }

    static PlanDispatch plan(BidId bidId, List<ClearedSlot> cleared, Instant at) {
        List<DispatchSlot> slots = cleared.stream()
                .map(c -> new DispatchSlot(c.start(), c.cleared(), c.clearingPrice())).toList();
        return new PlanDispatch(DispatchId.forBid(bidId), at, DispatchKind.MARKET, bidId, "portfolio",
                Duration.ofHours(1), slots, ContentReference.of("dispatch-plan:test", "0".repeat(64)), 3, null,
                List.of(), Megawatts.ZERO, null);
    }
}
