package org.vpp.messages.bid;

import java.time.Instant;

/**
 * One event of a bid's cycle, in order: its aggregate sequence number, its type ({@code BidDrafted}), the
 * application clock's instant of the step and a short line for people (a refusal's reason, an abort's).
 */
public record BidHistoryEntry(long sequence, String type, Instant at, String detail) {
}
