package org.vpp.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Read models rebuilt from the event store beside the ones in use: row for row the same, queries answered from the
 * old rows all along (never an empty or half-filled table), and a change made during the rebuild in both.
 */
class ProjectionRebuildIT extends ApiIT {

    static final String REBUILD = """
            mutation($group: String!, $switch: Boolean) {
              rebuildProjection(input: {processingGroup: $group, switchWhenDone: $switch}) {
                rebuild { id status } errors { field code message } } }""";
    static final String REBUILDS = """
            query { projectionRebuilds { groups rebuilds { id processingGroup status eventsDone eventsTotal eventsPerSecond
              etaSeconds requestedBy rowsInUse error } } }""";
    static final String SWITCH = """
            mutation($id: ID!) { switchProjection(input: {id: $id}) { rebuild { id status } errors { field code message } } }""";

    @Test
    void theFleetIsRebuiltRowForRowWhileQueriesKeepAnsweringFromTheOldRows() throws InterruptedException {
        GraphQl admin = graphQl();
        Fleet fleet = new Fleet(admin);
        String p = id("p");
        fleet.registerOk(group(p, "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(group(id("site"), "SITE", "Site", p, 5.0));
        fleet.registerOk(device(id("bat"), "BATTERY", id("site"), battery(-1, 1, 2, 0.1, 0.9, 0.2)));
        admin.ok("mutation($i: RenameAssetInput!) { renameAsset(input: $i) { status } }",
                vars("i", Map.of("id", id("bat"), "name", "Renamed before the rebuild")));
        String assetsQuery = "query($p: ID!) { fleet(rootId: $p) { nodes { id name } } }";
        int nodesBefore = GraphQl.<List<Object>>value(admin.ok(assetsQuery, vars("p", p)), "fleet.nodes").size();

        String rebuildId = GraphQl.value(admin.ok(REBUILD, vars("group", "fleet", "switch", false)), "rebuildProjection.rebuild.id");
        Map<String, Object> ready = eventually(() -> rebuild(admin, rebuildId), r -> r.get("status").equals("READY"), "the copy is ready");
        assertThat(((Number) ready.get("eventsDone")).longValue()).isEqualTo(((Number) ready.get("eventsTotal")).longValue()).isPositive();

        // While the copy waits: queries answer from the rows in use, and the live projection records a new asset.
        assertThat(GraphQl.<List<Object>>value(admin.ok(assetsQuery, vars("p", p)), "fleet.nodes")).hasSize(nodesBefore);
        fleet.registerOk(device(id("pv"), "PV", id("site"), Fleet.power(0, 2)));
        eventually(() -> rows(), rows -> rows.stream().anyMatch(r -> r.contains(id("pv"))), "the new asset in use");
        caughtUp("fleet");
        List<String> inUse = rows();

        // The switch: a reader looking all along never sees fewer rows than were in use; a subscriber sees it end.
        org.vpp.api.support.GraphQlSocket socket = org.vpp.api.support.GraphQlSocket.connect(port, token(Role.ADMIN));
        String followed = socket.subscribe("subscription { projectionRebuild(id: \"" + rebuildId + "\") { status eventsDone eventsTotal } }");
        socket.next(followed, d -> "READY".equals(((Map<?, ?>) d.get("projectionRebuild")).get("status")), "the subscription sees READY");
        AtomicBoolean switching = new AtomicBoolean(true);
        AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
        Thread reader = Thread.ofPlatform().start(() -> {
            while (switching.get()) fewest.accumulateAndGet(count(), Math::min);
        });
        assertThat(GraphQl.<List<Object>>value(admin.ok(SWITCH, vars("id", rebuildId)), "switchProjection.errors")).isEmpty();
        Map<String, Object> done = eventually(() -> rebuild(admin, rebuildId), r -> r.get("status").equals("COMPLETED")
                || r.get("status").equals("FAILED"), "the switch");
        switching.set(false);
        reader.join();
        socket.next(followed, d -> "COMPLETED".equals(((Map<?, ?>) d.get("projectionRebuild")).get("status")), "the subscription sees COMPLETED");
        socket.close();
        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("error", null)
                .containsEntry("requestedBy", "admin-" + run);
        assertThat(((Number) done.get("rowsInUse")).longValue()).isEqualTo(inUse.size());
        assertThat(fewest.get()).isGreaterThanOrEqualTo(inUse.size());
        assertThat(rows()).isEqualTo(inUse);

        // The projection carries on after the switch, from the copy's position, without applying anything twice.
        admin.ok("mutation($i: RenameAssetInput!) { renameAsset(input: $i) { status } }",
                vars("i", Map.of("id", id("bat"), "name", "Renamed after the rebuild")));
        eventually(() -> rows(), rows -> rows.stream().anyMatch(r -> r.contains("Renamed after the rebuild")), "the rename after the switch");
        assertThat(rows()).hasSize(inUse.size());
    }

    @Test
    void everyReadModelRebuildsToTheSameRows() {
        GraphQl admin = graphQl();
        new Fleet(admin).registerOk(group(id("root"), "PORTFOLIO", "Portfolio", null, null));
        var alert = org.vpp.messages.alert.AlertId.of(org.vpp.messages.alert.AlertKind.ASSET_FAULT, id("root"));
        commands.sendAndWait(new org.vpp.messages.alert.RaiseAlert(alert, clock.instant(), "a fault to rebuild", null, null));
        commands.sendAndWait(new org.vpp.messages.alert.ClearAlert(alert, clock.instant(), "over"));
        for (String group : List.of("alerts", "bids", "dispatches", "fleet", "forecasts")) {
            caughtUp(group);
            List<String> before = tableRows(group);
            String id = GraphQl.value(admin.ok(REBUILD, vars("group", group, "switch", true)), "rebuildProjection.rebuild.id");
            Map<String, Object> done = eventually(() -> rebuild(admin, id), r -> r.get("status").equals("COMPLETED")
                    || r.get("status").equals("FAILED"), "the rebuild of " + group);
            assertThat(done).as(group).containsEntry("status", "COMPLETED");
            assertThat(tableRows(group)).as(group).isEqualTo(before);
        }
    }

    @Test
    void onlyAnAdminRebuildsAndBadRequestsAreNamed() {
        ClientGraphQlResponse operator = graphQl(Role.OPERATOR).run(REBUILD, vars("group", "fleet", "switch", true));
        assertThat(operator.getErrors()).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
        List<Map<String, Object>> unknown = GraphQl.value(graphQl().ok(REBUILD, vars("group", "nope\u0000", "switch", true)),
                "rebuildProjection.errors");
        assertThat(unknown).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "input.processingGroup")
                .containsEntry("code", "NOT_FOUND"));
        List<Map<String, Object>> notReady = GraphQl.value(graphQl().ok(SWITCH, vars("id", "no-such-rebuild")), "switchProjection.errors");
        assertThat(notReady).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "input.id").containsEntry("code", "NOT_FOUND"));
        assertThat(GraphQl.<List<String>>value(graphQl().ok(REBUILDS), "projectionRebuilds.groups"))
                .containsExactly("alerts", "bids", "dispatches", "fleet", "forecasts");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.eventsourcing.eventstore.EventStore events;

    /** Waits until the group's live processor has handled every event in the store (earlier tests' too). */
    private void caughtUp(String group) {
        long head = events.createHeadToken().position().orElse(0);
        var processor = processing.eventProcessor(group, org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        eventually(() -> processor.processingStatus().values(), segments -> !segments.isEmpty()
                && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(0) >= head), group + " caught up with the store");
    }

    private Map<String, Object> rebuild(GraphQl admin, String id) {
        List<Map<String, Object>> all = GraphQl.value(admin.ok(REBUILDS), "projectionRebuilds.rebuilds");
        return all.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }

    private long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM asset_node", Long.class);
        return n == null ? 0 : n;
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT * FROM asset_node ORDER BY asset_id").stream().map(Object::toString).toList();
    }

    /** Every row of the group's tables, as text, sorted: the read model's whole content. */
    private List<String> tableRows(String group) {
        List<String> tables = switch (group) {
            case "alerts" -> org.vpp.query.alert.AlertProjection.TABLES;
            case "bids" -> org.vpp.query.bid.BidProjection.TABLES;
            case "dispatches" -> org.vpp.query.dispatch.DispatchProjection.TABLES;
            case "fleet" -> org.vpp.query.fleet.FleetProjection.TABLES;
            case "forecasts" -> org.vpp.query.forecast.ForecastProjection.TABLES;
            default -> throw new IllegalArgumentException(group);
        };
        return tables.stream().flatMap(t -> jdbc.queryForList("SELECT * FROM " + t).stream().map(r -> t + " " + r))
                .sorted().toList();
    }
}
