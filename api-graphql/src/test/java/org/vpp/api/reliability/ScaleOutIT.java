package org.vpp.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Two application processes on one PostgreSQL share the work: the projection processors' segments are split between
 * them (SegmentBalancer), every event is handled by exactly one of them (the instances' handled-event counters add up
 * to the events in the store), and when the instance that runs the bidding cycle's saga is killed in the middle of a
 * cycle, the other takes the saga over and the cycle ends with exactly one bid.
 */
class ScaleOutIT {

    private static final String SECRET = "scale-out-test-signing-key-0123456789abcdef";
    private static final Duration START = Duration.ofMinutes(4);
    /**
     * Real time, as a scaled-out deployment runs: every instance reads the same clock. (Demo worlds on accelerated
     * clocks are one per instance and do not agree on the time; they are not for scale-out.)
     */
    private static final List<String> ARGUMENTS = List.of("--vpp.simulation.enabled=false", "--vpp.telemetry.offline-after=PT1H",
            "--vpp.bidding.enabled=false", "--vpp.forecast.enabled=false", "--vpp.alerts.enabled=false",
            "--vpp.security.token-secret=" + SECRET, "--vpp.processing.balance-every=PT1S",
            "--logging.level.org.vpp.api.processing.SegmentBalancer=INFO");

    @Test
    void twoInstancesSplitTheSegmentsHandleEachEventOnceAndFinishACycleWhenOneIsKilled() throws Exception {
        Path root = Files.createTempDirectory("vpp-scale-out-");
        Path dirA = root.resolve("a");
        Path dirB = root.resolve("b");
        try (ChildApplication a = ChildApplication.start(dirA, root.resolve("a.log"), ARGUMENTS)) {
            a.awaitLog("VPP backend ready", START, Duration.ofMillis(200));
            String database = ChildApplication.databaseUrl(dirA);
            try (ChildApplication b = ChildApplication.startOn(database, dirB, root.resolve("b.log"), ARGUMENTS)) {
                b.awaitLog("VPP backend ready", START, Duration.ofMillis(200));
                String token = GraphQl.adminToken(dirA);
                GraphQl onA = new GraphQl(a.port(), token);
                GraphQl onB = new GraphQl(b.port(), token);

                // Both instances own segments of the fleet projection.
                await("the fleet projection's segments split").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> liveOwners(database, "fleet") == 2);

                // Registrations through either instance; each event is handled by one of them only.
                new Fleet(onA).registerOk(Fleet.group("so-pf", "PORTFOLIO", "Scale-out", null, null));
                new Fleet(onB).registerOk(Fleet.group("so-site", "SITE", "Scale-out site", "so-pf", 50.0));
                // Each answers with the registered asset (read your writes), whichever instance's projection handles it:
                // an instance polls the read model when the other's projection handled the write.
                for (int i = 0; i < 30; i++) {
                    var answer = (i % 2 == 0 ? onA : onB).ok("mutation($input: RegisterAssetInput!) { registerAsset(input: $input)"
                            + " { status asset { id } errors { message } } }", java.util.Map.of("input", Fleet.device("so-bat-" + i,
                            "BATTERY", "so-site", Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1))));
                    assertThat((String) GraphQl.value(answer, "registerAsset.status")).as("so-bat-%s", i).isEqualTo("APPLIED");
                    assertThat((String) GraphQl.value(answer, "registerAsset.asset.id")).isEqualTo("so-bat-" + i);
                }
                long assetEvents = count(database, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.messages.asset.%'");
                await("both instances' fleet projections caught up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> handled(a, token, "fleet") + handled(b, token, "fleet") >= assetEvents);
                double fromA = handled(a, token, "fleet");
                double fromB = handled(b, token, "fleet");
                assertThat(fromA + fromB).as("every asset event handled once, by one instance (A %s, B %s)", fromA, fromB)
                        .isEqualTo((double) assetEvents);
                assertThat(fromA).as("A handled some").isPositive();
                assertThat(fromB).as("B handled some").isPositive();
                assertThat(count(database, "SELECT count(*) FROM asset_node WHERE asset_id LIKE 'so-%'")).isEqualTo(32);

                // A bidding cycle, and the instance running its saga killed before the bid is submitted.
                // The day after tomorrow in the market's calendar, by the servers' clock: its gate is open at any hour.
                String day = text(database, "SELECT ((now() AT TIME ZONE 'Europe/Berlin')::date + 2)::text");
                String bid = "DE-LU:" + day;
                var started = onA.ok("mutation { startBiddingCycle(input: {deliveryDay: \"" + day + "\"}) { errors { field message } } }");
                assertThat(GraphQl.list(started, "startBiddingCycle.errors")).isEmpty();
                String sagaOwner = owner(database, "BiddingCycleSagaProcessor");
                // Axon's default owner name is the JVM's, pid@host.
                ChildApplication running = sagaOwner != null && sagaOwner.startsWith(b.pid() + "@") ? b : a;
                ChildApplication survivor = running == a ? b : a;
                running.kill9(); // at once: the saga has only just been handed the opened cycle
                await("the cycle ends on the surviving instance").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + bid
                                + "' AND (payload_type LIKE '%BidSubmitted' OR payload_type LIKE '%BiddingCycleAborted')") > 0);
                assertThat(count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + bid
                        + "' AND payload_type LIKE '%BidSubmitted'")).as("exactly one bid").isEqualTo(1);
                assertThat(count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + bid
                        + "' AND payload_type LIKE '%SchedulePrepared'")).as("one schedule recorded").isEqualTo(1);
                assertThat(survivor.alive()).isTrue();
                long segments = count(database, "SELECT count(*) FROM token_entry WHERE processor_name = 'fleet'");
                try {
                    await("the survivor claims the killed instance's fleet segments").atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(500)).until(() -> count(database, "SELECT count(*) FROM token_entry"
                                    + " WHERE processor_name = 'fleet' AND owner LIKE '" + survivor.pid() + "@%'") == segments);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("survivor " + survivor.pid() + " at " + timestampOf(database) + ": " + text(database,
                            "SELECT string_agg(segment || ' ' || coalesce(owner, '-') || ' ' || time_stamp, '; ' ORDER BY segment)"
                                    + " FROM token_entry WHERE processor_name = 'fleet'"), e);
                }
            }
        } finally {
            ChildApplication.cleanUp(dirA);
        }
    }

    /** Owners of the processor's segments whose claim was renewed in the last 20 s (by the database's clock). */
    private static int liveOwners(String database, String processor) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, time_stamp FROM token_entry WHERE processor_name = '" + processor
                     + "' AND owner IS NOT NULL")) {
            java.util.Set<String> live = new java.util.HashSet<>();
            java.time.Instant since = java.time.Instant.parse(timestampOf(database)).minusSeconds(20);
            while (rs.next()) if (!java.time.Instant.parse(rs.getString(2)).isBefore(since)) live.add(rs.getString(1));
            return live.size();
        }
    }

    /** The database's own now (the tests never read the wall clock; the token store stamps claims with the server's time). */
    private static String timestampOf(String database) throws SQLException {
        return text(database, "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    }

    private static String text(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String owner(String database, String processor) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner FROM token_entry WHERE processor_name = '" + processor + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double handled(ChildApplication app, String token, String processor) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + "/actuator/prometheus")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^vpp_processor_events_handled_total\\{processor=\"" + processor + "\"} ([0-9.eE+-]+)$")
                .matcher(response.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
