package org.vpp.messages.audit;

import java.time.Instant;

/**
 * One recorded event as an auditor reads it: where it stands in its aggregate's history, when and what it was, its
 * payload as the store holds it (JSON, upcast to today's shape; {@code payloadRevision} is that shape's revision,
 * null for a class never revised), and who caused it. {@code author} and {@code authorRole} come from the
 * metadata of the command that caused the event (a person's token subject and role, or {@code saga:<Saga>} /
 * {@code process:<name>} with the role SYSTEM); {@code correlationId} is the message that caused it and
 * {@code traceId} the message that started its chain (a bidding cycle, a dispatch). Null where the event was
 * recorded without them.
 */
public record AuditEntry(long sequenceNumber, String eventId, Instant timestamp, String type, String payloadJson,
                         String payloadRevision, String author, String authorRole, String correlationId, String traceId) {
}
