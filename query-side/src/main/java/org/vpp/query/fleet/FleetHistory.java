package org.vpp.query.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.messages.asset.AssetEvent;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.FindFleetAsOf;
import org.vpp.messages.fleet.FleetView;
import org.vpp.messages.fleet.LastTelemetry;

/**
 * The fleet as of a past instant, from the event store rather than today's read model: every asset event recorded up
 * to the instant, upcast and deserialised by Axon's own functions, folded into rows by {@link FleetRows}; each device's
 * newest reading measured and received by then; rolled up by {@link FleetRollup}, as the live view is.
 * <p>
 * Cost: one range scan of the asset events up to the instant (index {@code domain_event_entry_type_time}: the other
 * aggregates' events are not read), of which only each asset's last event of each kind is fetched and deserialised,
 * and one index probe per device for its reading; see docs/benchmarks.md for the figures at 10,000 assets and
 * 1,000,000 events.
 */
public class FleetHistory {

    private static final String ASSET_AGGREGATE = "Asset";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public FleetHistory(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    @QueryHandler
    public FleetView handle(FindFleetAsOf query) {
        Map<AssetId, FleetRow> rows = rowsAsOf(query.asOf());
        if (query.rootId() != null && !rows.containsKey(query.rootId())) return null;
        List<FleetRow> subtree = FleetRows.subtree(rows.values(), query.rootId());
        Map<String, LastTelemetry> readings = readingsAsOf(subtree.stream().filter(r -> r.kind().isDevice())
                .map(r -> r.id().value()).toArray(String[]::new), query.asOf());
        List<FleetRow> withReadings = subtree.stream()
                .map(r -> FleetRows.withTelemetry(r, readings.get(r.id().value()))).toList();
        return FleetRollup.rollup(withReadings, query.rootId());
    }

    /**
     * Every asset's row after the events recorded at or before {@code asOf}. Each kind of asset event sets its own
     * fields outright (a rename the name, a move the parent, a status change or decommissioning the status, new limits
     * the limits), so the row is the fold of each asset's last event of each kind, in order: at most six events per
     * asset, however long its history (a device that went offline and back a thousand times).
     */
    Map<AssetId, FleetRow> rowsAsOf(Instant asOf) {
        // time_stamp is ISO-8601 text, ordered as text only to the second: the index narrows the scan to the events
        // before the next whole second, and the instant itself is compared as a timestamp.
        String before = asOf.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
        Map<AssetId, FleetRow> rows = new LinkedHashMap<>();
        try (Stream<DomainEventData<?>> entries = jdbc.queryForStream("""
                WITH last AS (
                    SELECT DISTINCT ON (aggregate_identifier, payload_type) global_index
                    FROM domain_event_entry
                    WHERE type = ? AND time_stamp < ? AND time_stamp::timestamptz <= ?
                    ORDER BY aggregate_identifier, payload_type, sequence_number DESC)
                SELECT e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp, e.payload_type,
                       e.payload_revision, e.payload, e.meta_data
                FROM domain_event_entry e JOIN last USING (global_index) ORDER BY e.global_index""",
                (rs, i) -> new GenericDomainEventEntry<>(ASSET_AGGREGATE, rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)),
                ASSET_AGGREGATE, before, Timestamp.from(asOf))) {
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(entries, serializer, upcasters);
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (!(event.getPayload() instanceof AssetEvent change)) continue;
                AssetId id = AssetId.of(event.getAggregateIdentifier());
                rows.put(id, FleetRows.evolve(rows.get(id), change));
            }
        }
        return rows;
    }

    /** Each device's newest reading measured and received at or before {@code asOf}: what the VPP knew then. */
    private Map<String, LastTelemetry> readingsAsOf(String[] devices, Instant asOf) {
        Map<String, LastTelemetry> out = new HashMap<>();
        if (devices.length == 0) return out;
        Timestamp at = Timestamp.from(asOf);
        jdbc.query("""
                SELECT d.id, r.at, r.power_mw, r.soc, r.available
                FROM unnest(?::varchar[]) AS d(id)
                CROSS JOIN LATERAL (SELECT at, power_mw, soc, available FROM telemetry_reading
                                    WHERE asset_id = d.id AND at <= ? AND received_at <= ?
                                    ORDER BY at DESC LIMIT 1) r""",
                rs -> {
                    double soc = rs.getDouble(4);
                    Double knownSoc = rs.wasNull() ? null : soc;
                    out.put(rs.getString(1), new LastTelemetry(rs.getTimestamp(2).toInstant(), rs.getDouble(3), knownSoc,
                            rs.getBoolean(5)));
                },
                devices, at, at);
        return out;
    }
}
