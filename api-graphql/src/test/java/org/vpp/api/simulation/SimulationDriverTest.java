package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.kernel.TimeSeries;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.simulator.clock.SteppedClock;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/**
 * The twins follow the setpoints the dispatches sent, read once per tick. A battery of 4 MWh, ±2 MW, ramping 0.5 MW a minute, efficiencies 1, stepped minute by minute.
 */
class SimulationDriverTest {

    static final Instant START = Instant.parse("2026-06-16T10:00:00Z");
    static final Instant SLOT = START.plus(Duration.ofMinutes(15));
    static final Instant SLOT_END = SLOT.plus(Duration.ofMinutes(15));
    static final String BATTERY = "bat-1";

    static final List<AssetSpec> SPECS = List.of(
            new AssetSpec("pf", AssetKind.PORTFOLIO, "P", Optional.empty(), 52, 13, TechnicalLimits.NONE),
            new AssetSpec("site", AssetKind.SITE, "S", Optional.of("pf"), 52, 13, TechnicalLimits.groupWithGridLimit(5.0)),
            new AssetSpec(BATTERY, AssetKind.BATTERY, "B", Optional.of("site"), 52, 13,
                    TechnicalLimits.storage(-2, 2, 4, 1, 1, 0.5, 0.1, 0.9, 0.1)));

    private final List<ReadingInput> readings = new ArrayList<>();
    private int setpointReads;

    private static DemoWorld world(Map<String, Double> initialSoc) {
        return DemoWorld.build(SPECS, new SteppedClock(START, ZoneId.of("UTC")), START, Duration.ofDays(1), 1,
                OutageModel.never(), MeasurementNoise.NONE,
                new TimeSeries(START.minus(Duration.ofHours(1)), Duration.ofMinutes(15), new double[4 * 30]), Map.of(),
                initialSoc);
    }

    private IngestResult ingest(Iterator<ReadingInput> batch) {
        long n = 0;
        while (batch.hasNext()) {
            readings.add(batch.next());
            n++;
        }
        return new IngestResult(n, n, List.of(), false, Set.of());
    }

    /** Discharge 1 MW in the slot 10:15-10:30, nothing before or after; a device without a twin is asked too. */
    private NavigableMap<Instant, Map<String, Double>> setpoints(Instant from, Instant to) {
        setpointReads++;
        NavigableMap<Instant, Map<String, Double>> all = new TreeMap<>(Map.of(Instant.MIN, Map.of(),
                SLOT, Map.of(BATTERY, 1.0, "no-twin", 5.0), SLOT_END, Map.of()));
        NavigableMap<Instant, Map<String, Double>> steps = new TreeMap<>(all.subMap(from, true, to, false));
        steps.put(from, all.floorEntry(from).getValue());
        return steps;
    }

    private double powerReadAt(Instant at) {
        return readings.stream().filter(r -> r.at().equals(at)).findFirst().orElseThrow().powerMw();
    }

    private double socReadAt(Instant at) {
        return readings.stream().filter(r -> r.at().equals(at)).findFirst().orElseThrow().soc();
    }

    @Test
    void aBatteryTwinRampsToItsSetpointInTheSlotAndBackToIdleAfterIt() {
        var driver = new SimulationDriver(world(Map.of()), this::ingest, Duration.ofMinutes(1), START, this::setpoints);

        driver.tick(SLOT.plus(Duration.ofMinutes(5)));
        driver.tick(SLOT_END.plus(Duration.ofMinutes(5)));

        assertThat(setpointReads).isEqualTo(2);
        // A reading at t reports the minute before t.
        assertThat(powerReadAt(SLOT)).isZero();
        assertThat(powerReadAt(SLOT.plus(Duration.ofMinutes(1)))).isEqualTo(0.5);   // ramp: 0.5 MW a minute
        assertThat(powerReadAt(SLOT.plus(Duration.ofMinutes(2)))).isEqualTo(1.0);
        assertThat(powerReadAt(SLOT_END)).isEqualTo(1.0);
        assertThat(powerReadAt(SLOT_END.plus(Duration.ofMinutes(1)))).isEqualTo(0.5);
        assertThat(powerReadAt(SLOT_END.plus(Duration.ofMinutes(2)))).isZero();
        // Started half-way (0.5); 0.5/60 + 14 x 1/60 = 0.2417 MWh out of 4 MWh: 0.0604 less.
        assertThat(socReadAt(SLOT)).isCloseTo(0.5, within(1e-4));
        assertThat(socReadAt(SLOT_END)).isCloseTo(0.5 - 14.5 / 60 / 4, within(1e-4));
    }

    @Test
    void theMeterHistoryOfACatchUpFollowsNoSetpoint() {
        var driver = new SimulationDriver(world(Map.of()), this::ingest, Duration.ofMinutes(1), START, this::setpoints);

        driver.catchUp(SLOT_END, Duration.ofMinutes(15));

        assertThat(setpointReads).isZero();
        assertThat(powerReadAt(SLOT_END)).isZero();
    }
}
