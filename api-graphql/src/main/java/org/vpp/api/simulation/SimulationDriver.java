package org.vpp.api.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.simulator.twin.TelemetrySample;
import org.vpp.simulator.twin.TwinFleet;

/**
 * Moves the demo world along the clock: on each tick it steps every twin, one {@code twinStep} at a time, up to the
 * clock's now, and hands their readings to the same ingestion path real devices use; then lets the market clear
 * what is due. Twins follow no setpoints yet (dispatch arrives with the bidding cycle): batteries idle, renewables
 * produce what the weather allows, loads follow their profile.
 */
public final class SimulationDriver {

    private static final Logger log = LoggerFactory.getLogger(SimulationDriver.class);

    private final DemoWorld world;
    private final TwinFleet fleet;
    private final TelemetryIngestion ingestion;
    private final Duration twinStep;
    private final List<TelemetrySample> pending = new ArrayList<>();
    private Instant steppedTo;

    public SimulationDriver(DemoWorld world, TelemetryIngestion ingestion, Duration twinStep, Instant from) {
        this.world = world;
        this.ingestion = ingestion;
        this.twinStep = twinStep;
        this.fleet = new TwinFleet(world.twins(), pending::addAll);
        this.steppedTo = from;
    }

    /** Steps the world to {@code now}; returns the ingestion result of the readings produced (null when none). */
    public synchronized IngestResult tick(Instant now) {
        Instant limit = now.isAfter(world.end()) ? world.end() : now;
        while (!steppedTo.plus(twinStep).isAfter(limit)) {
            // A twin step covers [from, from + step) and reports its reading at the end of it.
            Instant from = steppedTo;
            steppedTo = steppedTo.plus(twinStep);
            fleet.step(from, twinStep, Map.of());
        }
        world.market().clearDueDays();
        if (pending.isEmpty()) return null;
        List<ReadingInput> readings = pending.stream()
                .map(s -> ReadingInput.of(s.assetId(), s.at(), s.powerMw(), s.soc(), s.available())).toList();
        pending.clear();
        IngestResult result = ingestion.ingest(readings.iterator());
        if (!result.accepted()) log.warn("Simulated telemetry refused: {}", result.problems());
        return result;
    }

    public synchronized Instant steppedTo() {
        return steppedTo;
    }
}
