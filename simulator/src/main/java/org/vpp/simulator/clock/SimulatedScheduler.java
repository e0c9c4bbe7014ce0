package org.vpp.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs periodic tasks at simulated times on top of a {@link SteppedClock}. It steps the clock to each due time
 * before running the task, so a task that reads the clock sees its own due time. Tasks due at the same instant
 * run in registration order, which keeps a whole simulated day reproducible.
 */
public final class SimulatedScheduler {

    private final SteppedClock clock;
    private final List<Registration> registrations = new ArrayList<>();
    private long nextSequence;

    public SimulatedScheduler(SteppedClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SteppedClock clock() {
        return clock;
    }

    /** Registers {@code task} to run at {@code firstRun} and every {@code period} after it. */
    public synchronized void every(Duration period, Instant firstRun, String name, SimulatedTask task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        if (firstRun.isBefore(clock.now())) {
            throw new IllegalArgumentException("first run " + firstRun + " is before now " + clock.now());
        }
        registrations.add(new Registration(name, period, task, nextSequence++, firstRun));
    }

    public synchronized void cancel(String name) {
        registrations.removeIf(r -> r.name.equals(name));
    }

    /**
     * Advances the clock to {@code end}, running every task due in (now, end] — and tasks due exactly now that
     * have not run yet — in time order. Returns how many task runs happened.
     */
    public synchronized int runUntil(Instant end) {
        int runs = 0;
        while (true) {
            Optional<Registration> next = registrations.stream()
                    .filter(r -> !r.nextRun.isAfter(end))
                    .min(Comparator.comparing((Registration r) -> r.nextRun).thenComparingLong(r -> r.sequence));
            if (next.isEmpty()) {
                break;
            }
            Registration due = next.get();
            clock.advanceTo(due.nextRun);
            Instant dueAt = due.nextRun;
            due.nextRun = dueAt.plus(due.period);
            due.task.run(dueAt);
            runs++;
        }
        clock.advanceTo(end);
        return runs;
    }

    public int runFor(Duration duration) {
        return runUntil(clock.now().plus(duration));
    }

    private static final class Registration {
        final String name;
        final Duration period;
        final SimulatedTask task;
        final long sequence;
        Instant nextRun;

        Registration(String name, Duration period, SimulatedTask task, long sequence, Instant firstRun) {
            this.name = Objects.requireNonNull(name, "name");
            this.period = period;
            this.task = Objects.requireNonNull(task, "task");
            this.sequence = sequence;
            this.nextRun = firstRun;
        }
    }
}
