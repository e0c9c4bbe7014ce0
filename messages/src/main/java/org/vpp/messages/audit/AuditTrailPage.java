package org.vpp.messages.audit;

import java.util.List;

/**
 * A page of an aggregate's audit trail. {@code aggregateType} is the kind of aggregate (Asset, ForecastSource, Bid,
 * Dispatch), null when the store holds no event for the id. {@code totalEvents} counts every event of the aggregate,
 * filters aside.
 */
public record AuditTrailPage(String aggregateId, String aggregateType, List<AuditEntry> entries, boolean hasNextPage,
                             long totalEvents) {

    public AuditTrailPage {
        entries = List.copyOf(entries);
    }
}
