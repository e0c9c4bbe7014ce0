package org.vpp.sagas.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ClearedSlot;

/**
 * The market's answer to one bid: per delivery slot, in the bid's order, what cleared and at which price. Final: the
 * market gives one answer per bid and repeats the same one when asked again.
 *
 * @param clearedAt when the market published it
 */
public record MarketResult(BidId bidId, Instant clearedAt, List<ClearedSlot> slots) {

    public MarketResult {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(clearedAt, "clearedAt");
        slots = List.copyOf(slots);
    }
}
