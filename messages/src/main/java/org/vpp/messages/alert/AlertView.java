package org.vpp.messages.alert;

import java.time.Instant;

/**
 * An alert as the read model shows it: its latest occurrence.
 *
 * @param active      raised and not cleared since
 * @param raisedAt    when the latest occurrence was raised
 * @param clearedAt   when it was cleared; null while active
 * @param occurrences how many times the condition started
 */
public record AlertView(AlertId id, AlertKind kind, String subject, boolean active, Instant raisedAt,
                        Instant clearedAt, String message, Double value, Double threshold, int occurrences,
                        String clearReason) {
}
