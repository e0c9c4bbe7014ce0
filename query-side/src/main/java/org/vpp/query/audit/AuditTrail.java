package org.vpp.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SerializedType;
import org.vpp.messages.audit.AuditEntry;
import org.vpp.messages.audit.AuditTrailPage;
import org.vpp.messages.audit.FindAuditTrail;
import org.vpp.messages.common.Authorship;

/**
 * Answers {@link FindAuditTrail} from the event store itself: the aggregate's events from the first one after the
 * cursor, upcast to today's classes, and serialised back to JSON with the store's own serializer, so what an auditor
 * reads is what the aggregate is rebuilt from. Snapshots are skipped ({@code readEvents(id, sequence)} reads events
 * only). The stream is read lazily, and only as far as one entry past the page.
 */
public class AuditTrail {

    private final EventStore events;
    private final Serializer serializer;

    public AuditTrail(EventStore events, Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
    }

    @QueryHandler
    public AuditTrailPage handle(FindAuditTrail query) {
        long total = events.lastSequenceNumberFor(query.aggregateId()).map(last -> last + 1).orElse(0L);
        if (total == 0) return new AuditTrailPage(query.aggregateId(), null, List.of(), false, 0);
        long start = query.afterSequence() == null ? 0 : query.afterSequence() + 1;
        List<AuditEntry> entries = new ArrayList<>();
        String type = null;
        boolean more = false;
        DomainEventStream stream = events.readEvents(query.aggregateId(), start);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            type = event.getType();
            if (!matches(query, event)) continue;
            if (entries.size() == query.first()) {
                more = true;
                break;
            }
            entries.add(entry(event));
        }
        if (type == null) type = typeOf(query.aggregateId());
        return new AuditTrailPage(query.aggregateId(), type, entries, more, total);
    }

    static boolean matches(FindAuditTrail query, DomainEventMessage<?> event) {
        Instant at = event.getTimestamp();
        if (query.from() != null && at.isBefore(query.from())) return false;
        if (query.to() != null && !at.isBefore(query.to())) return false;
        return query.eventTypes().isEmpty() || query.eventTypes().contains(event.getPayloadType().getSimpleName());
    }

    private AuditEntry entry(DomainEventMessage<?> event) {
        MetaData meta = event.getMetaData();
        String json = serializer.serialize(event.getPayload(), String.class).getData();
        SerializedType stored = serializer.typeForClass(event.getPayloadType());
        return new AuditEntry(event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                event.getPayloadType().getSimpleName(), json, stored.getRevision(),
                text(meta, Authorship.AUTHOR), text(meta, Authorship.ROLE), text(meta, "correlationId"), text(meta, "traceId"));
    }

    /** The aggregate's type when the page itself held no event (a cursor past the end): from its first event. */
    private String typeOf(String aggregateId) {
        DomainEventStream first = events.readEvents(aggregateId, 0);
        return first.hasNext() ? first.next().getType() : null;
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
