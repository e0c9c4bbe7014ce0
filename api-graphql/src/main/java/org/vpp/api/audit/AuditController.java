package org.vpp.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.vpp.api.graphql.BadArgumentException;
import org.vpp.api.graphql.Cursors;
import org.vpp.api.graphql.Instants;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.audit.AuditEntry;
import org.vpp.messages.audit.AuditTrailPage;
import org.vpp.messages.audit.FindAuditTrail;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.forecast.ForecastSourceId;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail over GraphQL: arguments checked and named, the query sent, the page turned into a connection. */
@Controller
public class AuditController {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final int MAX_EVENT_TYPES = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    public record AuditFilterInput(Instant from, Instant to, List<String> eventTypes) {
    }

    public record AuditTrail(String aggregateId, String aggregateType, long totalEvents, List<Edge> edges, PageInfo pageInfo) {
    }

    public record Edge(String cursor, AuditEntry node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    @QueryMapping
    public AuditTrail auditTrail(@Argument String aggregateId, @Argument AuditFilterInput filter, @Argument Integer first,
                                 @Argument String after) {
        String id = aggregateId(aggregateId);
        int size = first == null ? 50 : first;
        if (size < 1 || size > FindAuditTrail.MAX_PAGE) {
            throw new BadArgumentException("first", "must be between 1 and " + FindAuditTrail.MAX_PAGE + ", got " + size);
        }
        Long afterSequence = after == null ? null
                : Long.valueOf(Cursors.decode("audit:" + id, after, key -> key.matches("\\d{1,18}")));
        AuditFilterInput f = filter == null ? new AuditFilterInput(null, null, null) : filter;
        Instant from = f.from() == null ? null : Instants.plausible("filter.from", f.from());
        Instant to = f.to() == null ? null : Instants.plausible("filter.to", f.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadArgumentException("filter.to", "must be after filter.from (" + from + "), got " + to);
        }
        AuditTrailPage page = queries.query(new FindAuditTrail(id, from, to, eventTypes(f.eventTypes()), size, afterSequence),
                ResponseTypes.instanceOf(AuditTrailPage.class)).join();
        List<Edge> edges = page.entries().stream()
                .map(e -> new Edge(Cursors.encode("audit:" + id, Long.toString(e.sequenceNumber())), e)).toList();
        return new AuditTrail(page.aggregateId(), page.aggregateType(), page.totalEvents(), edges,
                new PageInfo(page.hasNextPage(), after != null, edges.isEmpty() ? null : edges.getFirst().cursor(),
                        edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    /** The payload as a JSON value (objects, arrays, numbers), not as a string to parse again. */
    @SchemaMapping(typeName = "AuditEvent")
    public Object payload(AuditEntry entry) {
        return JSON.readValue(entry.payloadJson(), Object.class);
    }

    /** Any of the four kinds of aggregate id; the event store keeps them apart, so one lookup serves them all. */
    static String aggregateId(String value) {
        if (value != null && (AssetId.isValid(value) || BidId.isValid(value) || DispatchId.isValid(value)
                || ForecastSourceId.isValid(value))) {
            return value;
        }
        throw new BadArgumentException("aggregateId", "must be the id of an asset (1-" + AssetId.MAX_LENGTH + " letters, digits,"
                + " '.', '_', ':' or '-', starting with a letter or digit), a forecast source (pv:, wind:, load: or price:...),"
                + " a bid (DE-LU:2026-06-17) or a dispatch (market:... or manual:..., up to " + DispatchId.MAX_LENGTH + ")");
    }

    private static Set<String> eventTypes(List<String> types) {
        if (types == null) return Set.of();
        if (types.size() > MAX_EVENT_TYPES) {
            throw new BadArgumentException("filter.eventTypes", "must name at most " + MAX_EVENT_TYPES + " types, got " + types.size());
        }
        for (int i = 0; i < types.size(); i++) {
            if (!EVENT_TYPE.matcher(types.get(i)).matches()) {
                throw new BadArgumentException("filter.eventTypes[" + i + "]",
                        "must be an event type's name, like AssetRenamed (a capital letter, then letters and digits)");
            }
        }
        return Set.copyOf(types);
    }
}
