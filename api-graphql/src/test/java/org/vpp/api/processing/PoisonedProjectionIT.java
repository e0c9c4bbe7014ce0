package org.vpp.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.support.TestDatabase;
import org.vpp.messages.asset.AssetId;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetRegistered;
import org.vpp.messages.asset.AssetRenamed;
import org.vpp.kernel.GeoLocation;
import org.vpp.messages.asset.RegisterAsset;
import org.vpp.messages.asset.RenameAsset;
import org.vpp.query.fleet.FleetProjection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event that a projection cannot handle parks in the dead-letter queue with the rest of its aggregate's events,
 * while other aggregates reach the read model; health names the stuck processor and the event. The poison is a
 * test-only handler in the fleet group whose SQL fails for one asset: PostgreSQL then aborts the whole batch
 * transaction, as a NUL in a name did, so the dead letter can only be written if the failure was contained.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoisonedProjectionIT {

    private static final String POISON_PREFIX = "poison-";
    /** Whether the poison works: switched off to stand for the fix that a retry follows. */
    private static final java.util.concurrent.atomic.AtomicBoolean POISON = new java.util.concurrent.atomic.AtomicBoolean(true);
    private static Clock axonClockBefore;
    private static ConfigurableApplicationContext app;
    private static CommandGateway commands;
    private static JdbcTemplate jdbc;
    private static int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    // An application of its own rather than a cached test context: a second cached context would make Spring pause
    // the shared one, and Axon does not survive a pause and restart.
    @BeforeAll
    static void startWithAPoisonedHandler() {
        axonClockBefore = GenericEventMessage.clock;
        List<String> args = new ArrayList<>(TestDatabase.applicationArguments());
        args.addAll(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H", "--vpp.simulation.enabled=false",
                "--vpp.forecast.enabled=false"));
        // The handler class is a source, not a scanned component: no other application of the suite gets it.
        app = new SpringApplicationBuilder(VppApplication.class, PoisonedFleetHandler.class).run(args.toArray(String[]::new));
        commands = app.getBean(CommandGateway.class);
        jdbc = app.getBean(JdbcTemplate.class);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        GenericEventMessage.clock = axonClockBefore;
    }

    private String id(String name) {
        return name + "-" + run;
    }

    /** A second handler of the fleet group, in the same batch transaction as the fleet projection. */
    @ProcessingGroup(FleetProjection.PROCESSING_GROUP)
    public static class PoisonedFleetHandler {

        private final JdbcTemplate jdbc;

        public PoisonedFleetHandler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(AssetRegistered e) {
            if (POISON.get() && e.assetId().value().startsWith(POISON_PREFIX)) jdbc.queryForObject("SELECT 1 / 0", Integer.class);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void poisoned() {
        POISON.set(true);
    }

    @Test
    void aPoisonedEventParksItsAggregateWhileOtherAggregatesFlowAndHealthNamesIt(CapturedOutput output) throws Exception {
        String poisoned = POISON_PREFIX + run;
        register(poisoned, "Poisoned portfolio");
        commands.sendAndWait(new RenameAsset(AssetId.of(poisoned), "Renamed after the poison"));
        List<String> healthy = List.of(id("after-1"), id("after-2"), id("after-3"), id("after-4"));
        for (String id : healthy) register(id, "Healthy " + id);

        // Later events of other aggregates reach the read model ...
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM asset_node WHERE asset_id = ANY (?)",
                (Object) healthy.toArray(String[]::new)) == healthy.size());
        // ... while the poisoned event and the rest of its sequence wait in the dead-letter queue, in order.
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(poisoned).size() == 2);
        assertThat(deadLetters(poisoned)).containsExactly(
                Map.of("sequence_index", 1L, "payload_type", AssetRegistered.class.getName()),
                Map.of("sequence_index", 2L, "payload_type", AssetRenamed.class.getName()));
        assertThat(jdbc.queryForObject("SELECT cause_message FROM dead_letter_entry WHERE aggregate_identifier = ? AND sequence_index = 1",
                String.class, poisoned)).contains("division by zero");
        assertThat(jdbc.queryForList("SELECT name FROM asset_node WHERE asset_id = ?", String.class, poisoned))
                .as("the rename waits behind the poisoned registration").doesNotContain("Renamed after the poison");

        URI healthUri = URI.create("http://localhost:" + port + "/actuator/health");
        // Anyone may probe health; only an ADMIN sees what is stuck and why (a cause may quote SQL).
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(healthUri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.body()).contains("\"status\":\"OUT_OF_SERVICE\"").doesNotContain("components")
                .doesNotContain("division by zero").doesNotContain(poisoned);
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(healthUri)
                        .header("Authorization", "Bearer " + org.vpp.api.support.GraphQl.adminToken(app)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode processors = JsonMapper.builder().build().readTree(health.body()).path("components").path("processors");
        assertThat(processors.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
        JsonNode fleet = processors.path("details").path("fleet");
        assertThat(fleet.path("deadLetters").asLong()).isEqualTo(2);
        assertThat(fleet.path("status").asString()).contains("AssetRegistered of Asset " + poisoned + " #0").contains("division by zero");
        assertThat(processors.path("details").path("forecasts").path("status").asString()).isEqualTo("ok");

        // Logged once: the queue parks the rename behind the registration without asking the policy again.
        assertThat(output.getAll().lines().filter(l -> l.contains("parked") && l.contains(poisoned)).count()).isEqualTo(1);
    }

    static final String LETTERS = """
            query { deadLetters(processingGroup: "fleet") { groups { processingGroup size }
              letters { id processingGroup sequence eventType aggregateType aggregateId sequenceNumber causeType causeMessage attempts } } }""";
    static final String RETRY = """
            mutation { retryDeadLetters(input: {processingGroup: "fleet"}) { tried cleared stillFailing remaining errors { field code message } } }""";
    static final String EVICT = """
            mutation($id: ID!) { evictDeadLetter(input: {processingGroup: "fleet", id: $id}) { evicted errors { field code message } } }""";

    @Test
    void anAdminSeesTheDeadLettersRetriesThemAfterTheFixAndEvictsOne() {
        org.vpp.api.support.GraphQl admin = org.vpp.api.support.GraphQl.asAdmin(app);
        String kept = POISON_PREFIX + "kept-" + run;
        String dropped = POISON_PREFIX + "dropped-" + run;
        register(kept, "Kept");
        commands.sendAndWait(new RenameAsset(AssetId.of(kept), "Kept, renamed"));
        register(dropped, "Dropped");
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(admin, kept, dropped).size() == 3);

        List<Map<String, Object>> parked = letters(admin, kept, dropped);
        assertThat(parked).extracting(l -> l.get("aggregateId") + "#" + l.get("sequenceNumber") + " " + l.get("eventType")
                        + " attempts " + l.get("attempts"))
                .containsExactlyInAnyOrder(kept + "#0 AssetRegistered attempts 1", kept + "#1 AssetRenamed attempts 0",
                        dropped + "#0 AssetRegistered attempts 1");
        assertThat(parked).filteredOn(l -> l.get("eventType").equals("AssetRegistered"))
                .allSatisfy(l -> assertThat((String) l.get("causeMessage")).contains("division by zero"));

        // Retried before the fix: everything fails again, stays, and counts the attempt.
        Map<String, Object> again = org.vpp.api.support.GraphQl.value(admin.ok(RETRY), "retryDeadLetters");
        assertThat(again).containsEntry("cleared", 0).containsEntry("errors", List.of());
        assertThat((Integer) again.get("stillFailing")).isGreaterThanOrEqualTo(2);
        assertThat(letters(admin, kept, dropped)).filteredOn(l -> l.get("eventType").equals("AssetRegistered"))
                .extracting(l -> l.get("attempts")).containsOnly(2);

        // An event nobody should handle is evicted (once: a second time it is not found).
        String droppedId = (String) letters(admin, dropped).getFirst().get("id");
        assertThat(org.vpp.api.support.GraphQl.<Boolean>value(admin.ok(EVICT, Map.of("id", droppedId)), "evictDeadLetter.evicted")).isTrue();
        assertThat(org.vpp.api.support.GraphQl.<List<Map<String, Object>>>value(admin.ok(EVICT, Map.of("id", droppedId)),
                "evictDeadLetter.errors")).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "input.id")
                .containsEntry("code", "NOT_FOUND"));

        // After the fix a retry clears the queue, in order: the registration, then the rename behind it.
        POISON.set(false);
        Map<String, Object> retried = org.vpp.api.support.GraphQl.value(admin.ok(RETRY), "retryDeadLetters");
        assertThat(retried).containsEntry("stillFailing", 0).containsEntry("remaining", 0);
        assertThat(letters(admin, kept, dropped)).isEmpty();
        assertThat(jdbc.queryForList("SELECT name FROM asset_node WHERE asset_id = ?", String.class, kept)).containsExactly("Kept, renamed");

        // Only an ADMIN sees or touches the queues; a bad group is named.
        String viewer = new org.vpp.api.support.GraphQl(port, app.getBean(org.vpp.api.security.ApiTokens.class)
                .issue(new org.vpp.api.security.ApiTokens.Request("viewer-" + run, org.vpp.api.security.Role.VIEWER, null, null), "tests").token())
                .run(LETTERS).getErrors().getFirst().getExtensions().get("code").toString();
        assertThat(viewer).isEqualTo("FORBIDDEN");
        assertThat(org.vpp.api.support.GraphQl.<List<Map<String, Object>>>value(admin.ok(RETRY.replace("\"fleet\"", "\"nope\"")),
                "retryDeadLetters.errors")).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "input.processingGroup")
                .containsEntry("code", "NOT_FOUND"));
    }

    private static List<Map<String, Object>> letters(org.vpp.api.support.GraphQl admin, String... aggregates) {
        List<Map<String, Object>> all = org.vpp.api.support.GraphQl.value(admin.ok(LETTERS), "deadLetters.letters");
        return all.stream().filter(l -> List.of(aggregates).contains(l.get("aggregateId"))).toList();
    }

    private void register(String id, String name) {
        commands.sendAndWait(new RegisterAsset(AssetId.of(id), AssetKind.PORTFOLIO, name, null, new GeoLocation(52.0, 13.0), null, null));
    }

    private List<Map<String, Object>> deadLetters(String aggregate) {
        return jdbc.queryForList("""
                SELECT sequence_index, payload_type FROM dead_letter_entry
                WHERE processing_group = ? AND aggregate_identifier = ? ORDER BY sequence_index""",
                FleetProjection.PROCESSING_GROUP, aggregate);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
