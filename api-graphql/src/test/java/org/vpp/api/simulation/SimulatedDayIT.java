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
import org.vpp.sagas.port.PriceHistory;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.sagas.telemetry.TelemetryWatchdog;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/**
 * A simulated day on the stepped clock, through the real registration commands and the real ingestion path: the
 * fleet view follows the twins, and a twin's outage turns its asset OFFLINE until it is repaired.
 */
class SimulatedDayIT extends ApiIT {

    @Autowired
    DemoFleetRegistration registration;
    @Autowired
    TelemetryIngestion ingestion;
    @Autowired
    TelemetryWatchdog watchdog;
    @Autowired
    PriceHistory priceHistory;

    @Test
    void aSimulatedDayShowsInTheFleetViewIncludingAnOutage() {
        List<AssetSpec> specs = DemoFleet.generate(20, 7);
        assertThat(specs).extracting(s -> s.kind().name()).contains("BATTERY", "PV", "WIND", "LOAD", "GENERATOR", "EV_CHARGER");
        assertThat(registration.registerIfAbsent(specs)).isEqualTo(specs.size());
        Set<String> devices = new HashSet<>();
        specs.stream().filter(s -> !s.kind().isGroup()).forEach(s -> devices.add(s.id()));

        // Outages every ~8 simulated hours per device, repaired in ~2: a day is sure to see some.
        var world = DemoWorld.build(specs, SimulationClocks.of(clock, ZoneId.of("Europe/Berlin")), clock.instant(),
                Duration.ofDays(2), 7, new OutageModel(Duration.ofHours(8), Duration.ofHours(2)), MeasurementNoise.NONE,
                MarketPrices.from(priceHistory, "DE-LU", clock.instant(), Duration.ofDays(2)), Map.of());
        var driver = new SimulationDriver(world, ingestion, Duration.ofMinutes(1), clock.instant());
        GraphQl g = graphQl();
        Fleet fleet = new Fleet(g);

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
        // A run of 24 hours holds exactly one gate closure (noon, Berlin time, the day before delivery): the day it
        // closed was cleared then, against the very prices the forecaster reads. Which day that is depends on the hour
        // the run started, so it is worked out from the run's own interval.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        java.time.Instant runStart = clock.instant().minus(Duration.ofDays(1));
        java.time.LocalDate firstDay = runStart.atZone(berlin).toLocalDate();
        java.time.Instant noonOfFirstDay = firstDay.atTime(12, 0).atZone(berlin).toInstant();
        java.time.LocalDate closedDay = (runStart.isBefore(noonOfFirstDay) ? firstDay : firstDay.plusDays(1)).plusDays(1);
        var cleared = world.market().clearingPrices(closedDay);
        assertThat(cleared).as("clearing prices of %s (run from %s)", closedDay, runStart).isPresent();
        var dayStart = closedDay.atStartOfDay(berlin).toInstant();
        var dayEnd = closedDay.plusDays(1).atStartOfDay(berlin).toInstant();
        var expected = priceHistory.prices("DE-LU", dayStart, dayEnd).values();
        assertThat(cleared.get().values()).containsExactly(expected);
        assertThat(world.market().clearingPrices(closedDay.plusDays(1))).as("the next day's gate has not closed yet").isEmpty();

        Long stored = jdbc.queryForObject("SELECT count(*) FROM telemetry_reading WHERE asset_id = ANY (?)", Long.class,
                (Object) devices.toArray(String[]::new));
        assertThat(stored).isEqualTo(96L * 15 * devices.size());
    }
}
