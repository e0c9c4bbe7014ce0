package org.vpp.sagas.clock;

import java.time.Instant;

/**
 * A process that runs on the application clock: given the clock's instant, it does whatever has become due since
 * its last pass (by its own intervals, measured on that clock) and nothing else. A pass may take a while; the
 * {@link ProcessDriver} never runs two passes of one process at once.
 */
public interface ClockProcess {

    /** A short name for logs and threads. */
    String name();

    /** Does what is due at {@code now}; returns at once when nothing is. */
    void runDue(Instant now);

    /** Asked before the driver stops: finish the work in hand, start nothing new. */
    default void stopAccepting() {
    }
}
