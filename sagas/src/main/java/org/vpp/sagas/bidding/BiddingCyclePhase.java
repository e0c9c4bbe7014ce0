package org.vpp.sagas.bidding;

/** Where the bidding cycle saga stands: the step it is waiting on. */
public enum BiddingCyclePhase {
    /** Opened; waiting for the inputs to be recorded. */
    FETCHING_INPUTS,
    /** Inputs recorded; waiting for the schedule to be recorded. */
    OPTIMIZING,
    /** Schedule recorded; waiting for the bid to be drafted. */
    DRAFTING,
    /** Drafted; waiting for the submission to be recorded. */
    SUBMITTING,
    /** Submitted; waiting for the market's result. */
    AWAITING_RESULT
}
