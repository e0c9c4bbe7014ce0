package org.vpp.simulator.clock;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The application's only source of time. Real, accelerated and stepped implementations share it, so code that
 * reads the time through it behaves the same in production, in a fast demo and in a deterministic test.
 */
public interface SimulationClock extends InstantSource {

    /** The current (possibly simulated) instant. */
    Instant now();

    /** The zone in which calendar notions (delivery day, weekday, gate closure) are evaluated. */
    ZoneId zone();

    @Override
    default Instant instant() {
        return now();
    }

    default ZonedDateTime zonedNow() {
        return now().atZone(zone());
    }
}
