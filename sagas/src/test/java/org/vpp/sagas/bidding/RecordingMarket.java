package org.vpp.sagas.bidding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;
import org.vpp.sagas.port.Market;
import org.vpp.sagas.port.MarketResult;

/** A market that remembers what it was handed and what was acknowledged, and lists the answers a test publishes. */
final class RecordingMarket implements Market {

    record Submission(BidId bidId, List<BidSlot> slots) {
    }

    final List<Submission> submissions = new ArrayList<>();
    final List<BidId> acknowledged = new ArrayList<>();
    private final Map<BidId, MarketResult> published = new LinkedHashMap<>();

    @Override
    public synchronized void submit(BidId bidId, List<BidSlot> slots) {
        submissions.add(new Submission(bidId, slots));
    }

    /** The market's answer, listed from its {@code clearedAt} on until acknowledged. */
    synchronized void publish(MarketResult result) {
        published.put(result.bidId(), result);
    }

    @Override
    public synchronized List<MarketResult> resultsDue(Instant now) {
        return published.values().stream()
                .filter(r -> !r.clearedAt().isAfter(now) && !acknowledged.contains(r.bidId()))
                .toList();
    }

    @Override
    public synchronized void acknowledge(BidId bidId) {
        if (!acknowledged.contains(bidId)) acknowledged.add(bidId);
    }
}
