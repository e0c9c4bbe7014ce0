package org.vpp.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vpp.api.support.Fleet.group;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Events stored in an older shape still load, and long histories load from snapshots: an {@code AssetRenamed} of
 * revision 1 written into the store as an earlier version of the application wrote it, read by the read model, the
 * aggregate and the audit trail; and an asset whose aggregate is loaded from a snapshot once it has more than
 * {@link ApiIT#SNAPSHOT_EVERY} events.
 */
class SchemaEvolutionIT extends ApiIT {

    static final String RENAME = "mutation($i: RenameAssetInput!) { renameAsset(input: $i) { status errors { field message } } }";
    static final String TRAIL = """
            query($id: ID!) { auditTrail(aggregateId: $id, first: 500) { edges { node { sequenceNumber type payload payloadRevision author } } } }""";

    @Test
    void aRenameStoredInRevisionOneIsUpcastForTheReadModelTheAggregateAndTheAuditTrail() {
        GraphQl admin = graphQl();
        String id = id("legacy");
        new Fleet(admin).registerOk(group(id, "PORTFOLIO", "Registered name", null, null));
        clock.advance(Duration.ofMinutes(1));
        // As revision 1 was written: no revision, the new name in "name".
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 1, 'Asset', ?, ?, ?, NULL, 'org.vpp.messages.asset.AssetRenamed', ?)""",
                id, UUID.randomUUID().toString(), bytes("{\"author\":\"operator-of-2025\",\"authorRole\":\"OPERATOR\"}"),
                bytes("{\"assetId\":{\"value\":\"" + id + "\"},\"name\":\"Name from revision 1\"}"), clock.instant().toString());

        eventually(() -> name(admin, id), "Name from revision 1"::equals, "the read model applies the old rename");
        clock.advance(Duration.ofMinutes(1));
        assertThat(GraphQl.<String>value(admin.ok(RENAME, vars("i", Map.of("id", id, "name", "Name of today"))), "renameAsset.status"))
                .as("the aggregate loads the old event").isEqualTo("APPLIED");
        assertThat(name(admin, id)).isEqualTo("Name of today");

        List<Map<String, Object>> trail = trail(id);
        assertThat(trail).hasSize(3);
        assertThat(trail.get(1)).containsEntry("type", "AssetRenamed").containsEntry("payloadRevision", "2")
                .containsEntry("author", "operator-of-2025");
        assertThat(payload(trail.get(1))).containsEntry("from", null).containsEntry("to", "Name from revision 1").doesNotContainKey("name");
        assertThat(payload(trail.get(2))).containsEntry("from", "Name from revision 1").containsEntry("to", "Name of today");
    }

    @Test
    void anAssetWithALongHistoryIsLoadedFromItsSnapshot() {
        GraphQl admin = graphQl();
        String id = id("renamed-often");
        new Fleet(admin).registerOk(group(id, "PORTFOLIO", "Name 0", null, null));
        // Events 0..SNAPSHOT_EVERY-1: the last command loads SNAPSHOT_EVERY-1 events and applies one, reaching the
        // threshold, and only that one asks for a snapshot; nothing loads the asset again until the snapshot is there.
        int last = SNAPSHOT_EVERY - 1;
        for (int i = 1; i <= last; i++) {
            clock.advance(Duration.ofMinutes(1));
            admin.ok(RENAME, vars("i", Map.of("id", id, "name", "Name " + i)));
        }
        Long snapshotAt = eventually(() -> jdbc.queryForList(
                        "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id).getFirst(),
                n -> n != null, "a snapshot of the asset");
        assertThat(snapshotAt).isEqualTo(last);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                String.class, id)).contains("\"name\":\"Name " + last + "\"").contains("\"status\":\"ONLINE\"");

        // Proof that the aggregate is loaded from the snapshot, not from its events: a status only the snapshot holds
        // (no event says DECOMMISSIONED), which the next rename's decision then refuses.
        assertThat(jdbc.update("""
                UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                WHERE aggregate_identifier = ?""", "\"status\":\"ONLINE\"", "\"status\":\"DECOMMISSIONED\"", id)).isEqualTo(1);
        Map<String, Object> refused = GraphQl.value(admin.ok(RENAME, vars("i", Map.of("id", id, "name", "Never"))), "renameAsset");
        assertThat(refused).containsEntry("status", "REFUSED");
        assertThat(refused.get("errors").toString()).contains("decommissioned");

        // Without the snapshot the aggregate is rebuilt from its events alone, as it was.
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        assertThat(GraphQl.<String>value(admin.ok(RENAME, vars("i", Map.of("id", id, "name", "After the snapshot"))),
                "renameAsset.status")).isEqualTo("APPLIED");
        assertThat(payload(trail(id).getLast())).containsEntry("from", "Name " + last).containsEntry("to", "After the snapshot");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Test
    void aForecastSourceWithALongHistoryIsLoadedFromItsSnapshot() {
        var source = org.vpp.messages.forecast.ForecastSourceId.of("pv:snapshotted-" + run);
        java.time.Instant t0 = java.time.Instant.parse("2026-11-21T12:00:00Z");
        Duration step = Duration.ofMinutes(15);
        Map<String, String> daily = Map.of("season", "DAILY");
        commands.sendAndWait(new org.vpp.messages.forecast.RecordModelSelection(source, org.vpp.messages.forecast.ForecastSourceKind.PV,
                t0, 96, step, "MASE", "seasonal-naive", daily,
                List.of(new org.vpp.messages.forecast.CandidateMetrics("seasonal-naive", daily, 0.7, 1.2, 1.0, 3)), List.of(),
                t0.minus(Duration.ofDays(7)), t0, null, null));
        // Events 0..SNAPSHOT_EVERY-1: the last forecast reaches the threshold, and only it asks for a snapshot.
        for (int i = 1; i < SNAPSHOT_EVERY; i++) commands.sendAndWait(issue(source, t0.plus(step.multipliedBy(i)), daily));
        eventually(() -> jdbc.queryForList("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, source.value()), n -> n.equals(List.of((long) SNAPSHOT_EVERY - 1)), "a snapshot of the forecast source");

        // A later last forecast that only the snapshot holds: an issue before it is refused as time going backwards.
        java.time.Instant next = t0.plus(step.multipliedBy(SNAPSHOT_EVERY));
        assertThat(jdbc.update("""
                UPDATE snapshot_event_entry SET payload = convert_to(regexp_replace(convert_from(payload, 'UTF8'),
                    '"lastIssuedAt":"[^"]*"', '"lastIssuedAt":"2027-01-01T00:00:00Z"'), 'UTF8')
                WHERE aggregate_identifier = ?""", source.value())).isEqualTo(1);
        assertThatThrownBy(() -> commands.sendAndWait(issue(source, next, daily))).hasMessageContaining("time went backwards");

        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", source.value());
        commands.sendAndWait(issue(source, next, daily));
        assertThat(trail(source.value())).hasSize(SNAPSHOT_EVERY + 1);
    }

    private static org.vpp.messages.forecast.RecordForecastIssued issue(org.vpp.messages.forecast.ForecastSourceId source,
                                                                        java.time.Instant at, Map<String, String> parameters) {
        return new org.vpp.messages.forecast.RecordForecastIssued(source, org.vpp.messages.forecast.ForecastId.of(source, at), at, at,
                Duration.ofMinutes(15), 96, "seasonal-naive", parameters);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String name(GraphQl client, String id) {
        return GraphQl.value(client.ok("query($id: ID!) { asset(id: $id) { name } }", vars("id", id)), "asset.name");
    }

    private List<Map<String, Object>> trail(String id) {
        List<Map<String, Object>> edges = GraphQl.value(graphQl(Role.AUDITOR).ok(TRAIL, vars("id", id)), "auditTrail.edges");
        return edges.stream().map(e -> {
            @SuppressWarnings("unchecked") Map<String, Object> node = (Map<String, Object>) e.get("node");
            return node;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }
}
