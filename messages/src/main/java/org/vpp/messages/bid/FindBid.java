package org.vpp.messages.bid;

/** One bid and its cycle as the read model shows it; answered with a {@link BidView}, or null when unknown. */
public record FindBid(BidId bidId) {
}
