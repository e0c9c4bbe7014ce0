package org.vpp.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSchedulerTest {

    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void runsPeriodicTasksInTimeOrderAndTasksSeeTheirOwnDueTime() {
        SteppedClock clock = new SteppedClock(START, ZoneOffset.UTC);
        SimulatedScheduler scheduler = new SimulatedScheduler(clock);
        List<String> log = new ArrayList<>();
        scheduler.every(Duration.ofMinutes(15), START, "telemetry",
                due -> log.add("t@" + due + " clock=" + clock.now().equals(due)));
        scheduler.every(Duration.ofMinutes(30), START.plusSeconds(1800), "dispatch", due -> log.add("d@" + due));

        int runs = scheduler.runFor(Duration.ofHours(1));

        assertThat(runs).isEqualTo(7);
        assertThat(log).containsExactly(
                "t@2025-06-01T00:00:00Z clock=true",
                "t@2025-06-01T00:15:00Z clock=true",
                "t@2025-06-01T00:30:00Z clock=true",
                "d@2025-06-01T00:30:00Z",
                "t@2025-06-01T00:45:00Z clock=true",
                "t@2025-06-01T01:00:00Z clock=true",
                "d@2025-06-01T01:00:00Z");
        assertThat(clock.now()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void aCancelledTaskNoLongerRuns() {
        SimulatedScheduler scheduler = new SimulatedScheduler(new SteppedClock(START, ZoneOffset.UTC));
        List<Instant> runs = new ArrayList<>();
        scheduler.every(Duration.ofMinutes(10), START, "x", runs::add);
        scheduler.runFor(Duration.ofMinutes(15));
        scheduler.cancel("x");
        scheduler.runFor(Duration.ofHours(1));
        assertThat(runs).hasSize(2);
    }
}
