package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the market's clearing of the submitted bid: one entry per delivery slot, in order. */
public record RecordMarketResult(
        @TargetAggregateIdentifier BidId bidId,
        Instant receivedAt,
        List<ClearedSlot> slots) {
}
