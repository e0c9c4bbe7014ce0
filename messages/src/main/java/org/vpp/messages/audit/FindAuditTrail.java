package org.vpp.messages.audit;

import java.time.Instant;
import java.util.Set;

/**
 * The events of one aggregate (asset, forecast source, bid or dispatch with its settlement), read from the event
 * store in the order they were recorded, never from a read model. A page holds at most {@code first} events after
 * sequence number {@code afterSequence} (null: from the first) that match the filters: recorded at or after
 * {@code from}, before {@code to}, of one of {@code eventTypes} (simple names such as {@code AssetRenamed}); a
 * null or empty filter lets everything through.
 */
public record FindAuditTrail(String aggregateId, Instant from, Instant to, Set<String> eventTypes, int first,
                             Long afterSequence) {

    public static final int MAX_PAGE = 500;

    public FindAuditTrail {
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }
}
