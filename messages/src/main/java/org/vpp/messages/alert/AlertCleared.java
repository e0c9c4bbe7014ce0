package org.vpp.messages.alert;

import java.time.Instant;

/** The alert's condition ended. */
public record AlertCleared(AlertId alertId, AlertKind kind, String subject, Instant at, String reason,
                           int occurrence) implements AlertEvent {
}
