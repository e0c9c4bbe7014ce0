package org.vpp.messages.bid;

/** Why the business refused to submit a bid; recorded on the bid as {@link BidSubmissionRefused}. */
public enum SubmissionRefusal {
    /** The submission was sent at or after the gate closure of the cycle. */
    GATE_CLOSED,
    /** The bid was already submitted once; a market takes one bid per zone and day. */
    ALREADY_SUBMITTED
}
