package org.vpp.simulator.clock;

import java.time.Instant;

/** Work run by the {@link SimulatedScheduler}; it receives the simulated instant it was due at. */
@FunctionalInterface
public interface SimulatedTask {
    void run(Instant dueAt);
}
