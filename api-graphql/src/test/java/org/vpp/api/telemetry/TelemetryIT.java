package org.vpp.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.cap;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;
import static org.vpp.api.support.Fleet.node;
import static org.vpp.api.support.Fleet.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.sagas.telemetry.TelemetryWatchdog;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

class TelemetryIT extends ApiIT {

    @Autowired
    TelemetryWatchdog watchdog;

    private Fleet fleet;
    private GraphQl g;
    private String p, site, bat, pv;

    @BeforeEach
    void aSiteWithTwoDevices() {
        g = graphQl();
        fleet = new Fleet(g);
        p = id("p");
        site = id("site");
        bat = id("bat");
        pv = id("pv");
        fleet.registerOk(group(p, "PORTFOLIO", "P", null, null));
        fleet.registerOk(group(site, "SITE", "S", p, null));
        fleet.registerOk(device(bat, "BATTERY", site, battery(-1, 1, 2, 0, 1, 0)));
        fleet.registerOk(device(pv, "PV", site, Fleet.power(0, 3)));
    }

    private long readings(String assetId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading WHERE asset_id = ?", Long.class, assetId);
        return n == null ? 0 : n;
    }

    private String status(String assetId) {
        return GraphQl.value(g.ok("{ asset(id: \"" + assetId + "\") { status } }"), "asset.status");
    }

    private String awaitStatus(String assetId, String expected) {
        return eventually(() -> status(assetId), expected::equals, assetId + " " + expected);
    }

    @Test
    void aBatchThroughGraphQlIsStoredAndBecomesTheLastKnownState() {
        Instant t0 = clock.instant().minusSeconds(60);
        var r = fleet.ingest(List.of(
                reading(bat, t0, -0.5, 0.40, true),
                reading(bat, t0.plusSeconds(30), -0.6, 0.42, true),
                reading(pv, t0, 2.1, null, true)));
        assertThat((Integer) GraphQl.value(r, "ingestTelemetry.received")).isEqualTo(3);
        assertThat((Integer) GraphQl.value(r, "ingestTelemetry.stored")).isEqualTo(3);
        assertThat(readings(bat)).isEqualTo(2);

        var last = g.ok("{ asset(id: \"" + bat + "\") { lastTelemetry { at powerMw soc available } } }");
        assertThat((String) GraphQl.value(last, "asset.lastTelemetry.at")).isEqualTo(t0.plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        assertThat((Double) GraphQl.value(last, "asset.lastTelemetry.soc")).isEqualTo(0.42);

        // The same batch again stores nothing twice, and an older reading does not replace the newer state.
        var again = fleet.ingest(List.of(reading(bat, t0, -0.5, 0.40, true), reading(bat, t0.minusSeconds(600), 0.3, 0.9, true)));
        assertThat((Integer) GraphQl.value(again, "ingestTelemetry.stored")).isEqualTo(1);
        assertThat((Double) GraphQl.value(g.ok("{ asset(id: \"" + bat + "\") { lastTelemetry { soc } } }"), "asset.lastTelemetry.soc")).isEqualTo(0.42);

        var view = fleet.fleet(site);
        assertThat(cap(node(view, site), "available", "currentPowerMw")).isCloseTo(1.5, within(1e-9)); // -0.6 + 2.1
        assertThat(cap(node(view, site), "available", "storedEnergyMwh")).isCloseTo(0.84, within(1e-9)); // 2 x 0.42
    }

    @Test
    void readingsAreAcceptedWhileTheFleetReadModelIsBeingRebuilt() {
        // A replay of the fleet projection empties asset_node and refills it; until the device's row is back, its
        // readings must still be accepted: validation reads the command side's topology, which no replay touches.
        // The rows are held aside and put back afterwards: the shared read model must stay what the events say
        // (ProjectionRebuildIT compares it row for row with a rebuild).
        String held = "asset_node_held_" + run.replace('-', '_');
        jdbc.execute("CREATE TABLE " + held + " (LIKE asset_node)");
        try {
            jdbc.update("WITH moved AS (DELETE FROM asset_node WHERE asset_id IN (?, ?) RETURNING *) INSERT INTO " + held
                    + " SELECT * FROM moved", bat, pv);
            Instant t0 = clock.instant().minusSeconds(30);

            var r = fleet.ingest(List.of(reading(bat, t0, -0.5, 0.40, true), reading(pv, t0, 1.2, null, true)));

            assertThat(GraphQl.list(r, "ingestTelemetry.errors")).isEmpty();
            assertThat((Integer) GraphQl.value(r, "ingestTelemetry.stored")).isEqualTo(2);
            assertThat(readings(bat)).isEqualTo(1);
        } finally {
            jdbc.update("INSERT INTO asset_node SELECT * FROM " + held);
            jdbc.execute("DROP TABLE " + held);
        }
    }

    @Test
    void aDecommissionedDeviceIsRefusedByTheTopologyEvenBeforeTheReadModelShowsIt() {
        jdbc.update("UPDATE asset_topology SET decommissioned = TRUE WHERE asset_id = ?", pv);
        var r = fleet.ingest(List.of(reading(pv, clock.instant(), 1.0, null, true)));
        assertThat(GraphQl.list(r, "ingestTelemetry.errors")).extracting(e -> e.get("field"))
                .containsExactly("input.readings[0].assetId");
        assertThat(readings(pv)).isZero();
    }

    @Test
    void aBatchWithOneBadReadingStoresNothingAndNamesTheReading() {
        Instant now = clock.instant();
        var r = fleet.ingest(List.of(
                reading(bat, now, -0.5, 0.4, true),
                reading(bat, now.plusSeconds(1), -0.5, 1.4, true),
                reading("ghost", now, 1, null, true),
                reading(pv, now, 1, 0.5, true),
                reading(site, now, 1, null, true),
                reading(pv, now.plus(Duration.ofHours(1)), 1, null, true)));
        assertThat((Integer) GraphQl.value(r, "ingestTelemetry.stored")).isZero();
        assertThat(GraphQl.list(r, "ingestTelemetry.errors")).extracting(e -> e.get("field")).containsExactly(
                "input.readings[1].soc", "input.readings[2].assetId", "input.readings[3].soc",
                "input.readings[4].assetId", "input.readings[5].at");
        assertThat(readings(bat)).isZero();
        assertThat((Object) GraphQl.value(g.ok("{ asset(id: \"" + bat + "\") { lastTelemetry { at } } }"), "asset.lastTelemetry")).isNull();
    }

    @Test
    void ndjsonInBulkIsStoredAndMalformedLinesAreNamedByNumber() {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token(org.vpp.api.security.Role.OPERATOR))).build();
        Instant t0 = clock.instant().minusSeconds(3600);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            body.append("{\"assetId\":\"").append(bat).append("\",\"at\":\"").append(t0.plusSeconds(i)).append("\",\"powerMw\":0.5,\"soc\":0.5}\n");
        }
        body.append("{\"assetId\":\"").append(pv).append("\",\"at\":").append(t0.getEpochSecond()).append(",\"powerMw\":1.0}\n");
        var ok = http.post().uri("/api/telemetry").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body.toString()).retrieve().toEntity(Map.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody()).containsEntry("received", 1201).containsEntry("stored", 1201);
        assertThat(readings(bat)).isEqualTo(1200);

        String bad = "{\"assetId\":\"" + pv + "\",\"at\":\"" + t0.plusSeconds(5) + "\",\"powerMw\":1.0}\n"
                + "this is not json\n"
                + "{\"assetId\":\"" + pv + "\",\"at\":\"yesterday\",\"powerMw\":1.0}\n"
                + "{\"assetId\":\"" + pv + "\",\"at\":\"" + t0.plusSeconds(6) + "\"}\n";
        var refused = http.post().uri("/api/telemetry").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(bad).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "reading"), org.assertj.core.groups.Tuple.tuple(3, "at"),
                        org.assertj.core.groups.Tuple.tuple(4, "powerMw"));
        assertThat(readings(pv)).isEqualTo(1);
    }

    private static String line(String assetId, String at, String powerMw) {
        return "{\"assetId\":\"" + assetId + "\",\"at\":" + at + ",\"powerMw\":" + powerMw + ",\"soc\":null}\n";
    }

    @Test
    void ndjsonOutsideTheTimeWindowOrBeyondPlausiblePowerIsA422NamingEachLine() {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token(org.vpp.api.security.Role.OPERATOR))).build();
        Instant now = clock.instant();
        String body = line(pv, "\"0000-01-01T00:00:00Z\"", "1.0")
                + line(pv, "\"0001-01-01T00:00:00Z\"", "1.0")
                + line(pv, "1e18", "1.0")
                + line(pv, "1000000000000000000", "1.0")
                + line(pv, "-1000000000000000000", "1.0")
                + line(pv, "\"" + now.plus(Duration.ofMinutes(6)) + "\"", "1.0")
                + line(pv, "\"+999999999-12-31T23:59:59Z\"", "1.0")
                + line(pv, "\"" + now + "\"", "1e308")
                + line(bat, "\"" + now + "\"", "-1e308")
                + line(pv, "\"" + now.minusSeconds(1) + "\"", "1.0");
        var refused = http.post().uri("/api/telemetry").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("received", 10).containsEntry("stored", 0);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "at"), org.assertj.core.groups.Tuple.tuple(2, "at"),
                        org.assertj.core.groups.Tuple.tuple(3, "at"), org.assertj.core.groups.Tuple.tuple(4, "at"),
                        org.assertj.core.groups.Tuple.tuple(5, "at"), org.assertj.core.groups.Tuple.tuple(6, "at"),
                        org.assertj.core.groups.Tuple.tuple(7, "at"), org.assertj.core.groups.Tuple.tuple(8, "powerMw"),
                        org.assertj.core.groups.Tuple.tuple(9, "powerMw"));
        assertThat(readings(pv)).isZero();
        assertThat(readings(bat)).isZero();
    }

    @Test
    void graphQlReadingsOfPlusOrMinus1e308OrBefore2000AreRefusedNamingEach() {
        Instant now = clock.instant();
        var r = fleet.ingest(List.of(
                reading(pv, now, 1e308, null, true),
                reading(bat, now, -1e308, 0.5, true),
                reading(pv, Instant.parse("0001-01-01T00:00:00Z"), 1.0, null, true),
                reading(pv, now.minusSeconds(1), 100_000, null, true)));
        assertThat((Integer) GraphQl.value(r, "ingestTelemetry.stored")).isZero();
        assertThat(GraphQl.list(r, "ingestTelemetry.errors")).extracting(e -> e.get("field"))
                .containsExactly("input.readings[0].powerMw", "input.readings[1].powerMw", "input.readings[2].at");
        assertThat(readings(pv)).isZero();
    }

    @Test
    void aSilentDeviceGoesOfflineAndComesBackWhenReadingsReturn() {
        fleet.ingest(List.of(reading(bat, clock.instant(), 0.2, 0.5, true), reading(pv, clock.instant(), 1.0, null, true)));
        assertThat(watchdog.checkAll()).noneMatch(a -> a.assetId().value().equals(bat));

        clock.advance(Duration.ofMinutes(4));
        fleet.ingest(List.of(reading(pv, clock.instant(), 1.0, null, true)));
        clock.advance(Duration.ofMinutes(2)); // the battery's reading is now 6 min old, the PV's 2 min
        watchdog.checkAll();
        awaitStatus(bat, "OFFLINE");
        assertThat(status(pv)).isEqualTo("ONLINE");
        var offline = g.ok("{ asset(id: \"" + bat + "\") { statusOrigin statusReason } }");
        assertThat((String) GraphQl.value(offline, "asset.statusOrigin")).isEqualTo("TELEMETRY");
        assertThat((String) GraphQl.value(offline, "asset.statusReason")).startsWith("no telemetry since");
        assertThat(cap(node(fleet.fleet(site), site), "available", "maxPowerMw")).isCloseTo(3.0, within(1e-9)); // PV only

        fleet.ingest(List.of(reading(bat, clock.instant(), 0.1, 0.5, true)));
        awaitStatus(bat, "ONLINE");
        assertThat(cap(node(fleet.fleet(site), site), "available", "maxPowerMw")).isCloseTo(4.0, within(1e-9)); // 3 + 1
    }

    @Test
    void aDeviceReportingItselfUnavailableGoesOffline() {
        fleet.ingest(List.of(reading(pv, clock.instant(), 0.0, null, false)));
        awaitStatus(pv, "OFFLINE");
        assertThat((String) GraphQl.value(g.ok("{ asset(id: \"" + pv + "\") { statusReason } }"), "asset.statusReason"))
                .startsWith("device reported itself unavailable");
        fleet.ingest(List.of(reading(pv, clock.instant().plusSeconds(1), 0.5, null, true)));
        awaitStatus(pv, "ONLINE");
    }

    @Test
    void telemetryDoesNotOverrideAnOperatorsStatus() {
        g.ok("mutation { changeAssetStatus(input: {id: \"" + bat + "\", status: MAINTENANCE}) { errors { field } } }");
        fleet.ingest(List.of(reading(bat, clock.instant(), 0.1, 0.5, true)));
        clock.advance(Duration.ofMinutes(10));
        watchdog.checkAll();
        fleet.ingest(List.of(reading(bat, clock.instant(), 0.1, 0.5, true)));
        eventually(watchdog::idle, idle -> idle, "the watchdog has judged the reading"); // it does so on its own thread
        assertThat(status(bat)).isEqualTo("MAINTENANCE");
    }

    @Test
    void aDeviceThatNeverReportsGoesOfflineAfterTheTimeout() {
        watchdog.checkAll();
        assertThat(status(bat)).isEqualTo("ONLINE");
        clock.advance(Duration.ofMinutes(6));
        watchdog.checkAll();
        awaitStatus(bat, "OFFLINE");
        assertThat((String) GraphQl.value(g.ok("{ asset(id: \"" + bat + "\") { statusReason } }"), "asset.statusReason"))
                .isEqualTo("no telemetry received since registration");
    }
}
