package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.query.telemetry.TelemetryProblem;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.sagas.telemetry.TelemetryWatchdog;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/**
 * A simulated day on the stepped clock, entered as an operator and devices would: the demo fleet registered through
 * GraphQL mutations, the twins' readings sent as NDJSON over HTTP. The fleet view follows the twins, and a twin's
 * outage turns its asset OFFLINE until it is repaired.
 */
class SimulatedDayIT extends ApiIT {

    @Autowired
    TelemetryWatchdog watchdog;
    @Autowired
    PriceHistory priceHistory;

    @Test
    void aSimulatedDayShowsInTheFleetViewIncludingAnOutage() {
        List<AssetSpec> specs = DemoFleet.generate(20, 7);
        assertThat(specs).extracting(s -> s.kind().name()).contains("BATTERY", "PV", "WIND", "LOAD", "GENERATOR", "EV_CHARGER");
        GraphQl g = graphQl();
        Fleet fleet = new Fleet(g);
        specs.forEach(spec -> fleet.registerOk(Fleet.registerInput(spec)));
        Set<String> devices = new HashSet<>();
        specs.stream().filter(s -> !s.kind().isGroup()).forEach(s -> devices.add(s.id()));

        // Outages every ~8 simulated hours per device, repaired in ~2: a day is sure to see some.
        var world = DemoWorld.build(specs, SimulationClocks.of(clock, ZoneId.of("Europe/Berlin")), clock.instant(),
                Duration.ofDays(2), 7, new OutageModel(Duration.ofHours(8), Duration.ofHours(2)), MeasurementNoise.NONE,
                MarketPrices.from(priceHistory, "DE-LU", clock.instant(), Duration.ofDays(2)), Map.of());
        var driver = new SimulationDriver(world, this::postNdjson, Duration.ofMinutes(1), clock.instant());

        Set<String> seenOffline = new HashSet<>();
        Set<String> seenBackOnline = new HashSet<>();
        double maxPvPower = 0;
        for (int quarter = 0; quarter < 96; quarter++) {
            clock.advance(Duration.ofMinutes(15));
            var ingested = driver.tick(clock.instant());
            assertThat(ingested.problems()).as("telemetry of step %d", quarter).isEmpty();
            assertThat(ingested.received()).isEqualTo(15L * devices.size());
            watchdog.checkAll();
            Map<String, Object> view = fleet.fleet("portfolio");
            for (String device : devices) {
                Object status = Fleet.node(view, device).get("status");
                if ("OFFLINE".equals(status)) seenOffline.add(device);
                else if ("ONLINE".equals(status) && seenOffline.contains(device)) seenBackOnline.add(device);
            }
            for (String device : devices) {
                if (device.contains("-pv-")) maxPvPower = Math.max(maxPvPower, Fleet.cap(Fleet.node(view, device), "installed", "currentPowerMw"));
            }
        }

        assertThat(seenOffline).as("devices an outage took offline").isNotEmpty();
        assertThat(seenBackOnline).as("devices back after repair").isNotEmpty();
        assertThat(maxPvPower).as("PV produced during the day").isPositive();

        Map<String, Object> view = fleet.fleet("portfolio");
        assertThat(Fleet.cap(Fleet.node(view, "portfolio"), "installed", "devicesWithoutTelemetry")).isZero();
        double sumOfReadings = 0;
        for (String device : devices) {
            Map<String, Object> asset = GraphQl.value(g.ok("{ asset(id: \"" + device + "\") { lastTelemetry { at powerMw soc } } }"), "asset.lastTelemetry");
            assertThat((String) asset.get("at")).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
            sumOfReadings += ((Number) asset.get("powerMw")).doubleValue();
            if (asset.get("soc") != null) assertThat(((Number) asset.get("soc")).doubleValue()).isBetween(0.0, 1.0);
        }
        assertThat(Fleet.cap(Fleet.node(view, "portfolio"), "installed", "currentPowerMw"))
                .as("the roll-up of current power equals the twins' last readings")
                .isCloseTo(sumOfReadings, org.assertj.core.api.Assertions.within(1e-6));
        // Each gate closure (noon, Berlin time, the day before delivery) that fell within the run cleared its day,
        // against the very prices the forecaster reads; the first gate after the run is still open. Which days those
        // are depends on the hour the run started (and a 24-hour run across the spring change of clocks sees two
        // noons), so they are worked out from the run's own interval.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        java.time.Instant runEnd = clock.instant();
        java.time.Instant runStart = runEnd.minus(Duration.ofDays(1));
        List<java.time.LocalDate> closedDays = new java.util.ArrayList<>();
        java.time.LocalDate day = runStart.atZone(berlin).toLocalDate();
        for (; !day.atTime(12, 0).atZone(berlin).toInstant().isAfter(runEnd); day = day.plusDays(1)) {
            if (day.atTime(12, 0).atZone(berlin).toInstant().isAfter(runStart)) closedDays.add(day.plusDays(1));
        }
        assertThat(closedDays).as("gate closures within the run from %s", runStart).isNotEmpty();
        for (java.time.LocalDate closed : closedDays) {
            var cleared = world.market().clearingPrices(closed);
            assertThat(cleared).as("clearing prices of %s (run from %s)", closed, runStart).isPresent();
            var dayStart = closed.atStartOfDay(berlin).toInstant();
            var dayEnd = closed.plusDays(1).atStartOfDay(berlin).toInstant();
            var expected = priceHistory.prices("DE-LU", dayStart, dayEnd).values();
            assertThat(cleared.get().values()).as("prices of %s", closed).containsExactly(expected);
        }
        assertThat(world.market().clearingPrices(day.plusDays(1))).as("%s: its gate has not closed yet", day.plusDays(1)).isEmpty();

        Long stored = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading WHERE asset_id = ANY (?)", Long.class,
                (Object) devices.toArray(String[]::new));
        assertThat(stored).isEqualTo(96L * 15 * devices.size());
    }

    /** The twins' readings as a meter gateway would send them: one NDJSON request, answered 200 or 422. */
    @SuppressWarnings("unchecked")
    private IngestResult postNdjson(java.util.Iterator<ReadingInput> readings) {
        StringBuilder body = new StringBuilder();
        readings.forEachRemaining(r -> body.append("{\"assetId\":\"").append(r.assetId()).append("\",\"at\":\"").append(r.at())
                .append("\",\"powerMw\":").append(r.powerMw())
                .append(r.soc() == null ? "" : ",\"soc\":" + r.soc())
                .append(",\"available\":").append(r.available()).append("}\n"));
        var response = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBearerAuth(token(org.vpp.api.security.Role.OPERATOR))).build().post().uri("/api/telemetry")
                .contentType(MediaType.parseMediaType("application/x-ndjson")).body(body.toString())
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        Map<String, Object> answer = response.getBody();
        List<TelemetryProblem> problems = ((List<Map<String, Object>>) answer.get("errors")).stream()
                .map(e -> new TelemetryProblem(((Number) e.get("line")).longValue() - 1, (String) e.get("field"), (String) e.get("message")))
                .toList();
        return new IngestResult(((Number) answer.get("received")).longValue(), ((Number) answer.get("stored")).longValue(),
                problems, Boolean.TRUE.equals(answer.get("errorsTruncated")), Set.of());
    }
}
