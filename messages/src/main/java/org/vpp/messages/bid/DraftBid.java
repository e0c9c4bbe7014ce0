package org.vpp.messages.bid;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Draft the bid: a quantity and limit price for every delivery slot, in order. May be sent again until the bid is
 * submitted; the last draft is the one submitted.
 *
 * @param pricingRule the rule and parameters that priced it, so the bid can be explained later
 */
public record DraftBid(
        @TargetAggregateIdentifier BidId bidId,
        Instant draftedAt,
        List<BidSlot> slots,
        String pricingRule) {
}
