package org.vpp.command.bid;

/** Where a bidding cycle stands; each step may only follow the one before it. */
public enum BidPhase {
    OPENED, INPUTS_FETCHED, SCHEDULE_PREPARED, DRAFTED, SUBMITTED, CLEARED, CLOSED, ABORTED;

    /** Closed or aborted: the cycle takes no further command. */
    public boolean ended() {
        return this == CLOSED || this == ABORTED;
    }
}
