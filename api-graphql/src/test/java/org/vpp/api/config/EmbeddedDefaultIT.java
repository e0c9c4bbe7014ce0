package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestDatabase;

/**
 * The zero-set-up default: with no database URL, the application starts its own PostgreSQL with data under the
 * data directory, and what was registered is still there after a stop and a start. Runs on the embedded server
 * even when the rest of the suite uses an external one.
 */
class EmbeddedDefaultIT {

    private static Clock axonClockBefore;

    @BeforeAll
    static void rememberAxonClock() {
        axonClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreAxonClock() {
        GenericEventMessage.clock = axonClockBefore;
    }

    private static ConfigurableApplicationContext start(String dataDir, String... more) {
        // Command-line arguments: they outrank application.yml and the environment (CI sets VPP_DATABASE_URL).
        List<String> args = new java.util.ArrayList<>(List.of(
                "--vpp.database.url=", "--vpp.data-dir=" + dataDir, "--server.port=0", "--vpp.telemetry.check-every=PT1H",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(VppApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aRegisteredAssetSurvivesAStopAndAStart() throws Exception {
        String dataDir = TestDatabase.temporaryDirectory();
        try (var first = start(dataDir)) {
            // The first start wrote an ADMIN token to the data directory, readable by its owner only (README, "Access").
            assertThat(Files.getPosixFilePermissions(Path.of(dataDir, "admin-token")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            var fleet = new Fleet(GraphQl.asAdmin(port(first), Path.of(dataDir)));
            fleet.registerOk(Fleet.group("pf-persist", "PORTFOLIO", "Persistent portfolio", null, null));
            fleet.registerOk(Fleet.group("site-persist", "SITE", "Persistent site", "pf-persist", 2.0));
        }
        assertThat(Files.isDirectory(Path.of(dataDir, "postgres"))).isTrue();

        String adminToken = GraphQl.adminToken(Path.of(dataDir));
        try (var second = start(dataDir)) {
            // A restart keeps the token that is still valid.
            assertThat(GraphQl.adminToken(Path.of(dataDir))).isEqualTo(adminToken);
            var g = GraphQl.asAdmin(port(second), Path.of(dataDir));
            var response = g.ok("{ asset(id: \"site-persist\") { id name parentId limits { gridConnectionLimitMw } } }");
            assertThat((Map<String, Object>) GraphQl.value(response, "asset"))
                    .containsEntry("name", "Persistent site").containsEntry("parentId", "pf-persist");
            // The event store kept the history too: the aggregate accepts further commands on top of it.
            var renamed = g.ok("mutation { renameAsset(input: {id: \"site-persist\", name: \"Renamed\"}) { asset { version } errors { field } } }");
            assertThat((Integer) GraphQl.value(renamed, "renameAsset.asset.version")).isEqualTo(1);
            assertThat(GraphQl.list(renamed, "renameAsset.errors")).isEqualTo(List.of());
        }
    }

    @Test
    void theEmbeddedServerIsAsDurableAsAProductionOneAndTheProductionProfileHidesTheExplorationTools() throws Exception {
        String dataDir = TestDatabase.temporaryDirectory();
        try (var app = start(dataDir, "--spring.profiles.active=production")) {
            // No GraphiQL, no schema page, no introspection, no actuator beyond health; errors say nothing internal.
            var http = java.net.http.HttpClient.newHttpClient();
            String token = GraphQl.adminToken(Path.of(dataDir));
            for (String path : List.of("/graphiql", "/graphql/schema", "/actuator/env", "/actuator/info", "/actuator/beans")) {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port(app) + path))
                        .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("org.springframework").doesNotContain("\"trace\"");
            }
            var introspection = GraphQl.asAdmin(port(app), Path.of(dataDir)).run("{ __schema { types { name } } }");
            assertThat(introspection.getErrors()).isNotEmpty();
            var malformed = new GraphQl(port(app), token).post("{\"query\": \"{ fleet { installed { deviceCount } }\", ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(String.valueOf(malformed.body())).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("tools.jackson");
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            // The embedded library's own defaults are fsync off (-F) and synchronous_commit off.
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
        }
    }

    @Test
    void aStalePidFileNamingALiveProcessThatIsNotPostgresDoesNotBlockTheStart() throws Exception {
        String dataDir = TestDatabase.temporaryDirectory();
        try (var first = start(dataDir)) {
            new Fleet(GraphQl.asAdmin(port(first), Path.of(dataDir))).registerOk(Fleet.group("pf-stale", "PORTFOLIO", "Before the stale pid", null, null));
        }
        // After a reboot the pid in postmaster.pid may belong to anything; PostgreSQL itself refuses to start when
        // that process is alive. This JVM is such a process.
        Path pidFile = Path.of(dataDir, "postgres", "postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + Path.of(dataDir, "postgres") + "\n");

        try (var second = start(dataDir)) {
            var response = GraphQl.asAdmin(port(second), Path.of(dataDir)).ok("{ asset(id: \"pf-stale\") { name } }");
            assertThat(GraphQl.<String>value(response, "asset.name")).isEqualTo("Before the stale pid");
        }
    }
}
