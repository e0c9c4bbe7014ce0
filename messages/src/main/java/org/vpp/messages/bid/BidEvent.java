package org.vpp.messages.bid;

import java.time.Instant;

/**
 * Everything that can happen to a bid in its cycle; each event carries what its step decided, so a cycle can be
 * explained later from its events alone.
 */
public sealed interface BidEvent permits BiddingCycleOpened, BidInputsFetched, SchedulePrepared, BidDrafted,
        BidDraftRefused, BidSubmitted, BidSubmissionRefused, BidAccepted, BidPartiallyAccepted, BidRejected,
        BiddingCycleClosed, BiddingCycleAborted {

    BidId bidId();

    /** The application clock's instant of the step. */
    Instant at();
}
