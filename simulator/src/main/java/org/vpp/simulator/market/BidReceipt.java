package org.vpp.simulator.market;

import java.time.Instant;

/** The market's answer to a submission; a refusal is a result with a reason, not an exception. */
public record BidReceipt(String bidId, SubmissionStatus status, String reason, Instant receivedAt) {

    public boolean isReceived() {
        return status == SubmissionStatus.RECEIVED;
    }
}
