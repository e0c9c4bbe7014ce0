package org.vpp.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Simulated time that runs {@code factor} times faster than the wall clock from a chosen simulated start;
 * factor 720 makes one simulated day last two real minutes. Stateless apart from its anchor, hence thread-safe.
 */
public final class AcceleratedClock implements SimulationClock {

    private final InstantSource wall;
    private final Instant wallAnchor;
    private final Instant simulatedStart;
    private final double factor;
    private final ZoneId zone;

    public AcceleratedClock(Instant simulatedStart, double factor, ZoneId zone) {
        this(InstantSource.system(), simulatedStart, factor, zone);
    }

    /** Visible for tests: the wall source is injected so the acceleration can be checked without sleeping. */
    public AcceleratedClock(InstantSource wall, Instant simulatedStart, double factor, ZoneId zone) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be positive and finite, was " + factor);
        }
        this.wall = Objects.requireNonNull(wall, "wall");
        this.wallAnchor = wall.instant();
        this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
        this.factor = factor;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant now() {
        Duration realElapsed = Duration.between(wallAnchor, wall.instant());
        // Nanosecond arithmetic in double keeps sub-millisecond resolution for ~100 simulated years.
        long simulatedNanos = Math.round(realElapsed.toNanos() * factor);
        return simulatedStart.plusNanos(simulatedNanos);
    }

    public double factor() {
        return factor;
    }

    /** Real time that passes while {@code simulated} elapses on this clock, e.g. to sleep a driver thread. */
    public Duration realDurationOf(Duration simulated) {
        return Duration.ofNanos(Math.round(simulated.toNanos() / factor));
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
