package org.vpp.simulator.clock;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;

/** Wall-clock time; the one place besides {@link AcceleratedClock} allowed to read the system clock. */
public final class RealTimeClock implements SimulationClock {

    private final InstantSource wall;
    private final ZoneId zone;

    public RealTimeClock(ZoneId zone) {
        this(InstantSource.system(), zone);
    }

    RealTimeClock(InstantSource wall, ZoneId zone) {
        this.wall = Objects.requireNonNull(wall, "wall");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant now() {
        return wall.instant();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
