package org.vpp.messages.bid;

/**
 * Where a bid stands as the read model shows it: the step its cycle reached, and from the market's answer on, that
 * answer. Refusals (a draft beyond the flexibility, a late or second submission) are history, not a status.
 */
public enum BidStatus {
    OPEN, INPUTS_FETCHED, SCHEDULED, DRAFTED, SUBMITTED, ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, CLOSED, ABORTED
}
