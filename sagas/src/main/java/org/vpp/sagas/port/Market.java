package org.vpp.sagas.port;

import java.util.List;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;

/**
 * The day-ahead market a bid goes to. A port: the simulator's market, a real exchange later. Its answer comes back
 * later and apart: the application records it on the bid ({@code RecordMarketResult}), and the cycle learns of it
 * from the bid's events.
 */
public interface Market {

    /** Hands the submitted bid over; a second call for the same bid must not place a second bid. */
    void submit(BidId bidId, List<BidSlot> slots);
}
