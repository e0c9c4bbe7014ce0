package org.vpp.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time that moves only when told to: for tests and headless runs. Time never goes backwards, so readers on other
 * threads only ever see a monotonic sequence of instants.
 */
public final class SteppedClock implements SimulationClock {

    private final AtomicReference<Instant> current;
    private final ZoneId zone;
    private final List<ClockListener> listeners = new CopyOnWriteArrayList<>();
    private final Object advanceLock = new Object();

    public SteppedClock(Instant start, ZoneId zone) {
        this.current = new AtomicReference<>(Objects.requireNonNull(start, "start"));
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant now() {
        return current.get();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go backwards, asked to advance by " + by);
        }
        synchronized (advanceLock) {
            return advanceTo(current.get().plus(by));
        }
    }

    /** Moves to {@code target} and tells the listeners; a target in the past is refused. */
    public Instant advanceTo(Instant target) {
        synchronized (advanceLock) {
            Instant from = current.get();
            if (target.isBefore(from)) {
                throw new IllegalArgumentException("a clock cannot go backwards: now " + from + ", asked " + target);
            }
            current.set(target);
            if (target.isAfter(from)) {
                listeners.forEach(l -> l.advanced(from, target));
            }
            return target;
        }
    }

    public void addListener(ClockListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ClockListener listener) {
        listeners.remove(listener);
    }
}
