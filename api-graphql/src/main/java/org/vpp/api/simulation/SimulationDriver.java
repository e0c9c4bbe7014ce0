package org.vpp.api.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.messages.asset.AssetId;
import org.vpp.query.telemetry.IngestResult;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.query.telemetry.TelemetryProblem;
import org.vpp.simulator.twin.DeviceTwin;
import org.vpp.simulator.twin.TelemetrySample;
import org.vpp.simulator.twin.TwinFleet;

/**
 * Moves the demo world along the clock: it steps every twin up to the clock's now and hands their readings to the
 * same ingestion path real devices use (in the application the ingestion bean, in a test the HTTP endpoint), in
 * batches of bounded size; then lets the market clear what is due.
 * <p>
 * The twins follow the setpoints the dispatches sent ({@link Setpoints}, in the application the setpoint outbox),
 * read once per tick: each twin step takes the setpoint in force at its start. A twin without one does what it does
 * by itself: a battery idles, renewables produce what the weather allows, loads follow their profile, a generator
 * keeps its output. Setpoints for devices without a twin are ignored. The meter history of {@link #catchUp} is the
 * past before any dispatch and follows none.
 */
public final class SimulationDriver {

    private static final Logger log = LoggerFactory.getLogger(SimulationDriver.class);
    /** Readings per ingestion request: a long catch-up is stored day by day, never held whole in memory. */
    static final int MAX_BATCH = 50_000;

    private final DemoWorld world;
    private final TwinFleet fleet;
    private final Readings ingestion;
    private final Duration twinStep;
    private final Setpoints setpoints;
    private final Set<String> twinIds;
    private final List<TelemetrySample> pending = new ArrayList<>();
    private Instant steppedTo;

    /** What the devices are to follow: the setpoint outbox, or nothing. */
    @FunctionalInterface
    public interface Setpoints {

        /** None: every twin does what it does by itself. */
        Setpoints NONE = (from, to) -> Collections.emptyNavigableMap();

        /**
         * The setpoint of each device over {@code [from, to)} as a step function: each entry holds from its instant
         * until the next entry's; devices absent from an entry follow nothing then.
         */
        NavigableMap<Instant, Map<String, Double>> between(Instant from, Instant to);
    }

    /** Where the twins' readings go: the application's ingestion path, or whatever carries them to it. */
    @FunctionalInterface
    public interface Readings {
        IngestResult ingest(java.util.Iterator<ReadingInput> readings);
    }

    /** A world whose twins follow no setpoints. */
    public SimulationDriver(DemoWorld world, Readings ingestion, Duration twinStep, Instant from) {
        this(world, ingestion, twinStep, from, Setpoints.NONE);
    }

    public SimulationDriver(DemoWorld world, Readings ingestion, Duration twinStep, Instant from, Setpoints setpoints) {
        this.world = world;
        this.ingestion = ingestion;
        this.twinStep = twinStep;
        this.setpoints = Objects.requireNonNull(setpoints, "setpoints");
        this.twinIds = world.twins().stream().map(DeviceTwin::assetId).collect(Collectors.toUnmodifiableSet());
        this.fleet = new TwinFleet(world.twins(), pending::addAll);
        this.steppedTo = from;
    }

    /** Steps the world to {@code now} in {@code twinStep}s; returns what ingestion made of the readings (null when none). */
    public synchronized IngestResult tick(Instant now) {
        return advance(now, twinStep, true);
    }

    /**
     * Steps the world to {@code until} in coarser steps, e.g. to give a newly registered fleet the meter history
     * (15-minute readings) a real one would bring along.
     */
    public synchronized IngestResult catchUp(Instant until, Duration step) {
        return advance(until, step, false);
    }

    private IngestResult advance(Instant now, Duration step, boolean followSetpoints) {
        Instant limit = now.isAfter(world.end()) ? world.end() : now;
        IngestResult total = null;
        boolean stepsDue = !steppedTo.plus(step).isAfter(limit);
        NavigableMap<Instant, Map<String, Double>> plan = followSetpoints && stepsDue
                ? setpoints.between(steppedTo, limit) : Collections.emptyNavigableMap();
        Map<Instant, Map<String, Double>> forTwins = new HashMap<>();
        while (!steppedTo.plus(step).isAfter(limit)) {
            // A twin step covers [from, from + step) and reports its reading at the end of it.
            Instant from = steppedTo;
            steppedTo = steppedTo.plus(step);
            Map.Entry<Instant, Map<String, Double>> inForce = plan.floorEntry(from);
            fleet.step(from, step, inForce == null ? Map.of()
                    : forTwins.computeIfAbsent(inForce.getKey(), k -> twinsOnly(inForce.getValue())));
            if (pending.size() >= MAX_BATCH) total = combine(total, flush());
        }
        world.market().clearDueDays();
        return pending.isEmpty() ? total : combine(total, flush());
    }

    private Map<String, Double> twinsOnly(Map<String, Double> setpointsMw) {
        Map<String, Double> mine = new HashMap<>();
        setpointsMw.forEach((asset, mw) -> {
            if (twinIds.contains(asset)) mine.put(asset, mw);
        });
        return mine;
    }

    private IngestResult flush() {
        List<ReadingInput> readings = pending.stream()
                .map(s -> ReadingInput.of(s.assetId(), s.at(), s.powerMw(), s.soc(), s.available())).toList();
        pending.clear();
        IngestResult result = ingestion.ingest(readings.iterator());
        if (!result.accepted()) log.warn("Simulated telemetry refused: {}", result.problems());
        return result;
    }

    private static IngestResult combine(IngestResult a, IngestResult b) {
        if (a == null) return b;
        List<TelemetryProblem> problems = new ArrayList<>(a.problems());
        problems.addAll(b.problems());
        Set<AssetId> assets = new HashSet<>(a.assets());
        assets.addAll(b.assets());
        return new IngestResult(a.received() + b.received(), a.stored() + b.stored(), List.copyOf(problems),
                a.problemsTruncated() || b.problemsTruncated(), Set.copyOf(assets));
    }

    public synchronized Instant steppedTo() {
        return steppedTo;
    }
}
