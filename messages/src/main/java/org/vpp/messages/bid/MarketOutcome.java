package org.vpp.messages.bid;

/** How the market answered a bid as a whole. */
public enum MarketOutcome {
    /** Every offered slot cleared in full. */
    ACCEPTED,
    /** Some quantity cleared, but not all that was offered. */
    PARTIALLY_ACCEPTED,
    /** Nothing cleared. */
    REJECTED
}
