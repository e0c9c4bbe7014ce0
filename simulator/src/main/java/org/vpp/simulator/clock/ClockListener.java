package org.vpp.simulator.clock;

import java.time.Instant;

/** Told after a {@link SteppedClock} has moved from one instant to a later one. */
@FunctionalInterface
public interface ClockListener {
    void advanced(Instant from, Instant to);
}
