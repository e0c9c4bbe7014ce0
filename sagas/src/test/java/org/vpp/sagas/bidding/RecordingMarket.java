package org.vpp.sagas.bidding;

import java.util.ArrayList;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;
import org.vpp.sagas.port.Market;

/** A market that only remembers what it was handed. */
final class RecordingMarket implements Market {

    record Submission(BidId bidId, List<BidSlot> slots) {
    }

    final List<Submission> submissions = new ArrayList<>();

    @Override
    public void submit(BidId bidId, List<BidSlot> slots) {
        submissions.add(new Submission(bidId, slots));
    }
}
