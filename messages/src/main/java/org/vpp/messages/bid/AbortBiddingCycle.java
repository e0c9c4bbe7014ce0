package org.vpp.messages.bid;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End a cycle before its market result: a step or gate closure missed, market silent, cancelled by an operator.
 *
 * @param onlyIfStillAt when set, the abort holds only while the cycle's last recorded step is still this one. A
 *                      deadline's abort is decided on the saga's view of the cycle, which can lag the Bid: the step the
 *                      deadline waited for may be recorded already (in time) and not yet seen by the saga, after a
 *                      restart or a slow handler. Null for an abort that holds whatever the step (an operator's).
 */
public record AbortBiddingCycle(@TargetAggregateIdentifier BidId bidId, Instant abortedAt, String reason,
                                BidStatus onlyIfStillAt) {

    /** An abort that holds whatever step the cycle is at. */
    public AbortBiddingCycle(BidId bidId, Instant abortedAt, String reason) {
        this(bidId, abortedAt, reason, null);
    }
}
