package org.vpp.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash recovery of the zero-set-up default, as a user meets it: the application runs as a separate process and is
 * killed with {@code kill -9} (its embedded PostgreSQL survives, as it does for a user) during the migrations,
 * during the demo fleet's registration, and while answering writes; each time it is started again with the same
 * command and no manual step. Every start must come up by itself, keep every acknowledged write, and show a read
 * model that agrees with the event store. The probes and what they found are printed as a table (see
 * docs/reliability.md): {@code ./vpp test -pl api-graphql -am -Dtest=CrashRecoveryIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CrashRecoveryIT {

    private static final int DEVICES = 30;
    private static final long SEED = 42;
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration FAST_POLL = Duration.ofMillis(5);
    private static final List<String> ARGUMENTS = List.of("--vpp.simulation.devices=" + DEVICES, "--vpp.simulation.seed=" + SEED,
            "--vpp.forecast.enabled=false", "--logging.level.org.flywaydb=INFO");
    private static final List<String[]> table = new CopyOnWriteArrayList<>();

    @AfterAll
    static void printTable() throws IOException {
        StringBuilder out = new StringBuilder("| probe | what happened | result |\n|---|---|---|\n");
        for (String[] row : table) out.append("| ").append(String.join(" | ", row)).append(" |\n");
        System.out.println("\nReliability probes (CrashRecoveryIT):\n" + out);
        Path file = Path.of("target", "reliability", "crash-probes.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    @Test
    void comesBackByItselfAfterKill9DuringMigrationsRegistrationAndAcknowledgedWrites() throws Exception {
        Path dataDir = Files.createTempDirectory("vpp-crash-");
        Path logs = Files.createTempDirectory("vpp-crash-logs-");
        List<AssetSpec> demo = DemoFleet.generate(DEVICES, SEED);
        List<String[]> rows = new ArrayList<>();
        try {
            // 1. kill -9 during the migrations of a first start.
            try (var app = ChildApplication.start(dataDir, logs.resolve("1.log"), ARGUMENTS)) {
                app.awaitLog("Migrating schema", START, FAST_POLL);
                app.kill9();
            }
            long applied = query(dataDir, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
            assertThat(ChildApplication.postgresPid(dataDir)).as("PostgreSQL outlives the killed JVM").isPresent();
            rows.add(row("kill -9 during migrations", applied + " migration(s) committed at the kill; PostgreSQL left running"));

            // 2. The same command again: migrations finish, then kill -9 during the demo fleet's registration.
            long registeredAtKill;
            try (var app = ChildApplication.start(dataDir, logs.resolve("2.log"), ARGUMENTS)) {
                await().atMost(START).pollInterval(FAST_POLL).pollDelay(Duration.ZERO).ignoreExceptions().until(() -> {
                    if (!app.alive()) throw new AssertionError("ended before registering:\n" + ChildApplication.tail(app.log()));
                    return assetsInEventStore(dataDir) > 0;
                });
                app.kill9();
                assertThat(app.log()).contains("left running on").contains("stopping it (fast shutdown)");
            }
            registeredAtKill = assetsInEventStore(dataDir);
            rows.get(0)[2] = "next start stopped the leftover PostgreSQL and migrated: OK";
            rows.add(row("kill -9 during demo registration", registeredAtKill + " of " + demo.size() + " demo assets in the event store at the kill"));

            // 3. Again: registration resumes from the event store and the application comes up; then acknowledged
            // writes, and kill -9 while they are being sent.
            Acknowledged acknowledged;
            try (var app = ChildApplication.start(dataDir, logs.resolve("3.log"), ARGUMENTS)) {
                app.awaitLog("newly registered)", START, Duration.ofMillis(100));
                assertThat(app.log()).contains("left running on");
                assertConsistent(dataDir, demo, List.of());
                rows.get(1)[2] = "next start registered the other " + (demo.size() - registeredAtKill)
                        + ", came up, read model = event store: OK";
                rows.add(0, durability(dataDir));
                acknowledged = writeUntilKilled(app, dataDir, demo);
            }
            rows.add(row("kill -9 with acknowledged writes", acknowledged.registrations().size() + " registerAsset mutations and "
                    + acknowledged.batches() + " telemetry batches of " + BATCH + " readings (POST /api/telemetry) answered OK,"
                    + " kill -9 while more of both were in flight"));

            // 4. Again: every acknowledged write is there and the read model agrees with the event store.
            try (var app = ChildApplication.start(dataDir, logs.resolve("4.log"), ARGUMENTS)) {
                app.awaitLog("newly registered)", START, Duration.ofMillis(100));
                assertThat(app.log()).contains("left running on");
                assertConsistent(dataDir, demo, acknowledged.registrations());
                long[] telemetry = assertTelemetryKept(dataDir, acknowledged);
                assertThat(health(app.port(), dataDir)).as("processors health").isEqualTo("UP");
                rows.get(rows.size() - 1)[2] = "next start came up; all " + acknowledged.registrations().size()
                        + " acknowledged registrations in event store and read model; read model = event store; no dead letters;"
                        + " every reading of the " + acknowledged.batches() + " acknowledged batches stored once ("
                        + telemetry[0] + " readings), the batch in flight at the kill stored whole or not at all ("
                        + telemetry[1] + " more): OK";
                app.stop();
                await().atMost(Duration.ofSeconds(60)).until(() -> ChildApplication.postgresPid(dataDir).isEmpty());
            }
            rows.add(row("normal stop (SIGTERM)", "the application stops its PostgreSQL: no postmaster.pid left"));
            rows.getLast()[2] = "OK";
        } finally {
            table.addAll(rows);
            ChildApplication.cleanUp(dataDir);
            System.out.println("Logs of the crash test's processes: " + logs);
        }
    }

    @Test
    void aFailedStartEndsTheProcessWithANonZeroCodeAndOneClearLine() throws Exception {
        Path notADirectory = Files.createTempFile("vpp-not-a-directory-", ".txt");
        Path log = Files.createTempFile("vpp-failed-start-", ".log");
        try (var app = ChildApplication.start(notADirectory, log, ARGUMENTS)) {
            int exit = app.awaitExit(START);
            assertThat(exit).isEqualTo(1);
            assertThat(app.log().lines().filter(l -> l.contains("VPP backend did not start:")).count()).isEqualTo(1);
            table.add(new String[]{"failed start (data dir is a file)", "the JVM exits with code " + exit
                    + " and logs 'VPP backend did not start: …' once", "OK"});
        } finally {
            Files.deleteIfExists(notADirectory);
        }
    }

    private static String[] row(String probe, String happened) {
        return new String[]{probe, happened, "FAILED (see the test output)"};
    }

    private static String[] durability(Path dataDir) throws SQLException {
        List<String> settings = new ArrayList<>();
        try (Connection c = ChildApplication.connect(dataDir); Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.add(name + "=" + rs.getString(1));
                }
            }
        }
        assertThat(settings).containsExactly("fsync=on", "synchronous_commit=on", "full_page_writes=on");
        return new String[]{"durability of the embedded PostgreSQL", "SHOW on the running application's server: " + String.join(", ", settings), "OK"};
    }

    /**
     * Readings per telemetry batch of the probe: one a second, each half a second past a whole second (no demo reading
     * is), from three days before the application's now (readings ahead of its clock are refused).
     */
    private static final int BATCH = 200;

    /**
     * What the killed process answered OK: the portfolios registered, and how many telemetry batches (the first
     * {@code batches} of {@code device}'s probe series from {@code base}) were stored.
     */
    private record Acknowledged(List<String> registrations, String device, Instant base, int batches) {
    }

    /**
     * Registers portfolios one after another, and posts NDJSON telemetry batches for one demo device, from two clients
     * at once, until the process is killed; returns what was answered without error.
     */
    private static Acknowledged writeUntilKilled(ChildApplication app, Path dataDir, List<AssetSpec> demo) throws Exception {
        Fleet fleet = new Fleet(GraphQl.asAdmin(app.port(), dataDir));
        String device = demo.stream().filter(s -> !s.kind().isGroup()).findFirst().orElseThrow().id();
        Instant now = Instant.parse(GraphQl.value(GraphQl.asAdmin(app.port(), dataDir).ok("{ market { now } }"), "market.now"));
        Instant base = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES).plusMillis(500);
        String token = GraphQl.adminToken(dataDir);
        HttpClient http = HttpClient.newHttpClient();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> writes = writers.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    String id = "acked-" + i;
                    try {
                        ClientGraphQlResponse r = fleet.register(Fleet.group(id, "PORTFOLIO", "Acknowledged " + i, null, null));
                        if (r.getErrors().isEmpty() && GraphQl.list(r, "registerAsset.errors").isEmpty()) acknowledged.add(id);
                    } catch (RuntimeException connectionLost) {
                        if (!killed.get()) throw connectionLost;
                    }
                }
            });
            Future<?> readings = writers.submit(() -> {
                for (int b = 0; !killed.get(); b++) {
                    StringBuilder body = new StringBuilder();
                    for (int r = 0; r < BATCH; r++) {
                        body.append("{\"assetId\":\"").append(device).append("\",\"at\":\"")
                                .append(base.plusSeconds((long) b * BATCH + r)).append("\",\"powerMw\":0.0}\n");
                    }
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/telemetry"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("\"stored\":" + BATCH)) {
                            throw new AssertionError("batch " + b + ": " + response.statusCode() + " " + response.body());
                        }
                        batches.incrementAndGet();
                    } catch (java.io.IOException connectionLost) {
                        if (!killed.get()) throw connectionLost;
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                if (writes.isDone()) writes.get();
                if (readings.isDone()) readings.get();
                return acknowledged.size() >= 15 && batches.get() >= 5;
            });
            killed.set(true);
            app.kill9();
            writes.get(60, TimeUnit.SECONDS);
            readings.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }
        return new Acknowledged(List.copyOf(acknowledged), device, base, batches.get());
    }

    /**
     * Every reading of an acknowledged batch is stored, once; a batch in flight at the kill is stored whole or not at
     * all (one request, one transaction). Returns {acknowledged readings, readings of unacknowledged batches}.
     */
    private static long[] assertTelemetryKept(Path dataDir, Acknowledged acknowledged) throws SQLException {
        Instant end = acknowledged.base().plusSeconds((long) BATCH * acknowledged.batches());
        // the probe's readings only (half a second past a whole second); the demo's own share the device
        String probe = " AND mod(extract(epoch FROM at)::numeric, 1) = 0.5";
        String window = "SELECT count(*) FROM telemetry_reading WHERE asset_id = ? AND at >= ? AND at < ?" + probe;
        long kept = query(dataDir, window, acknowledged.device(), java.sql.Timestamp.from(acknowledged.base()), java.sql.Timestamp.from(end));
        assertThat(kept).as("readings of the acknowledged batches").isEqualTo((long) BATCH * acknowledged.batches());
        long beyond = query(dataDir, window, acknowledged.device(), java.sql.Timestamp.from(end),
                java.sql.Timestamp.from(end.plus(Duration.ofDays(1))));
        assertThat(beyond % BATCH).as("readings of batches not acknowledged: whole batches only").isZero();
        assertThat(query(dataDir, "SELECT count(*) - count(DISTINCT at) FROM telemetry_reading WHERE asset_id = ?" + probe, acknowledged.device()))
                .as("readings stored twice").isZero();
        return new long[]{kept, beyond};
    }

    /**
     * The demo fleet is complete in the event store; every acknowledged write is in the event store and the read
     * model; the read model has one row per Asset aggregate at its latest version, and a sample matches its
     * registration event field by field; no event was dead-lettered; every demo device has meter history.
     */
    private static void assertConsistent(Path dataDir, List<AssetSpec> demo, List<String> acknowledged) throws Exception {
        String[] demoIds = demo.stream().map(AssetSpec::id).toArray(String[]::new);
        assertThat(query(dataDir, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                (Object) demoIds)).as("demo assets in the event store").isEqualTo(demo.size());
        if (!acknowledged.isEmpty()) {
            assertThat(query(dataDir, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                    (Object) acknowledged.toArray(String[]::new))).as("acknowledged writes in the event store").isEqualTo(acknowledged.size());
        }
        // Counts and versions: the read model reaches the event store (projections run asynchronously).
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> query(dataDir, """
                SELECT count(*) FROM (SELECT aggregate_identifier, max(sequence_number) AS version FROM domain_event_entry
                                      WHERE type = 'Asset' GROUP BY aggregate_identifier) e
                FULL JOIN asset_node n ON n.asset_id = e.aggregate_identifier
                WHERE n.version IS DISTINCT FROM e.version""") == 0);
        assertThat(query(dataDir, "SELECT count(*) FROM asset_node"))
                .isEqualTo(query(dataDir, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE type = 'Asset'"));
        List<String> sample = new ArrayList<>(acknowledged);
        for (int i = 0; i < demoIds.length; i += 4) sample.add(demoIds[i]);
        for (String id : sample) assertMatchesRegistration(dataDir, id);
        assertThat(query(dataDir, "SELECT count(*) FROM dead_letter_entry")).as("dead letters").isZero();
        long devices = demo.stream().filter(s -> !s.kind().isGroup()).count();
        assertThat(query(dataDir, "SELECT count(DISTINCT asset_id) FROM telemetry_reading WHERE asset_id = ANY (?)", (Object) demoIds))
                .as("demo devices with meter history").isEqualTo(devices);
    }

    private static void assertMatchesRegistration(Path dataDir, String id) throws SQLException {
        try (Connection c = ChildApplication.connect(dataDir)) {
            JsonNode registered;
            try (var s = c.prepareStatement("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("registration event of " + id).isTrue();
                    registered = JsonMapper.builder().build().readTree(rs.getBytes(1));
                }
            }
            try (var s = c.prepareStatement("SELECT kind, name, parent_id, latitude, longitude FROM asset_node WHERE asset_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("read model row of " + id).isTrue();
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("kind", rs.getString("kind"));
                    row.put("name", rs.getString("name"));
                    row.put("parentId", rs.getString("parent_id"));
                    row.put("latitude", (Double) rs.getObject("latitude"));
                    row.put("longitude", (Double) rs.getObject("longitude"));
                    Map<String, Object> event = new java.util.LinkedHashMap<>();
                    event.put("kind", text(registered.path("kind")));
                    event.put("name", text(registered.path("name")));
                    event.put("parentId", text(registered.path("parentId")));
                    event.put("latitude", number(registered.path("location").path("latitude")));
                    event.put("longitude", number(registered.path("location").path("longitude")));
                    assertThat(row).as("read model of " + id + " against its AssetRegistered event").isEqualTo(event);
                }
            }
        }
    }

    /** A value or a typed id ({"value": ...}) as text; null when absent. */
    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        return node.isObject() ? text(node.path("value")) : node.asString();
    }

    private static Double number(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asDouble();
    }

    private static long assetsInEventStore(Path dataDir) throws SQLException {
        return query(dataDir, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE type = 'Asset'");
    }

    private static long query(Path dataDir, String sql, Object... args) throws SQLException {
        try (Connection c = ChildApplication.connect(dataDir); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) s.setArray(i + 1, c.createArrayOf("varchar", array));
                else s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String health(int port, Path dataDir) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .header("Authorization", "Bearer " + GraphQl.adminToken(dataDir)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).path("components").path("processors").path("status").asString();
    }
}
