package org.vpp.sagas.port;

import java.time.Instant;
import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;

/**
 * The day-ahead market a bid goes to. A port: the simulator's market, a real exchange later.
 * <p>
 * Its answer comes back later and apart, as a mailbox the application empties on its clock: {@link #resultsDue}
 * lists the answers published by then, the application records each on its bid ({@code RecordMarketResult}), and
 * {@link #acknowledge}s it once the bid has it, or has refused it for good. Until then the same answer is listed
 * again on every call, also after a restart, so an answer is never lost between the market and the bid. The cycle
 * learns of the answer from the bid's events, not from this port.
 */
public interface Market {

    /** Hands the submitted bid over; a second call for the same bid must not place a second bid. */
    void submit(BidId bidId, List<BidSlot> slots);

    /**
     * The answers the market has published by {@code now} (the application clock's instant) and that are not yet
     * acknowledged, oldest first; each with one entry per slot of its bid, in the bid's order. Asking again gives the
     * same answers.
     */
    List<MarketResult> resultsDue(Instant now);

    /** The application is done with the answer to this bid: it is no longer listed. Idempotent. */
    void acknowledge(BidId bidId);
}
