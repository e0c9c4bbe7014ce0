package org.vpp.messages.alert;

import java.time.Instant;

/** The alert's condition started: its {@code occurrence}-th time (1 for the first). */
public record AlertRaised(AlertId alertId, AlertKind kind, String subject, Instant at, String message, Double value,
                          Double threshold, int occurrence) implements AlertEvent {
}
