package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The deadline scheduler's clock, with the application clock and the real time both in the test's hands. */
class SchedulerClockTest {

    private static final Instant T = Instant.parse("2026-06-17T01:55:00Z");
    private final AtomicReference<Instant> application = new AtomicReference<>(T);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SchedulerClock clock = new SchedulerClock(application::get, nanos::get);

    @Test
    void aMovingApplicationClockIsPassedThroughUnchanged() {
        assertThat(clock.now()).isEqualTo(T);
        application.set(T.plusSeconds(60));
        nanos.addAndGet(Duration.ofMillis(80).toNanos());
        assertThat(clock.now()).isEqualTo(T.plusSeconds(60));
        application.set(T.plusSeconds(120));
        assertThat(clock.now()).isEqualTo(T.plusSeconds(120));
    }

    @Test
    void whileTheApplicationClockStandsStillItMovesOnInRealTimeSoTheSchedulersWaitEnds() {
        assertThat(clock.now()).isEqualTo(T);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(clock.now()).isEqualTo(T.plusMillis(500));
        nanos.addAndGet(Duration.ofMillis(700).toNanos());
        assertThat(clock.now()).isEqualTo(T.plusMillis(1_200));
    }

    @Test
    void itNeverGoesBackWhenTheApplicationClockMovesOnByLessThanTheRealTimeItStoodStill() {
        clock.now();
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(clock.now()).isEqualTo(T.plusSeconds(3));
        application.set(T.plusSeconds(1));
        assertThat(clock.now()).as("held, not back to T + 1 s").isEqualTo(T.plusSeconds(3));
        application.set(T.plusSeconds(60));
        assertThat(clock.now()).isEqualTo(T.plusSeconds(60));
    }
}
