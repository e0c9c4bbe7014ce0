package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Where a restarted simulated clock resumes: never before what the store already holds. */
class ClockResumeTest {

    private static final Instant START = Instant.parse("2026-06-16T06:30:00Z");
    private static final Duration TWIN_STEP = Duration.ofMinutes(5);

    @Test
    void aFirstStartBeginsWhereAsked() {
        assertThat(ClockConfiguration.resumeAt(START, null, null, TWIN_STEP)).isEqualTo(START);
    }

    @Test
    void aRestartResumesOneTwinStepAfterTheNewestReadingOnTheMinute() {
        assertThat(ClockConfiguration.resumeAt(START, Instant.parse("2026-06-16T06:45:10Z"), Instant.parse("2026-06-16T06:40:00Z"), TWIN_STEP))
                .isEqualTo(Instant.parse("2026-06-16T06:50:00Z"));
    }

    @Test
    void aRestartNeverResumesBeforeTheNewestEventEvenWhenReadingsLagIt() {
        // The case a kill -9 met: the cycle's step recorded at 07:00:09.88, the newest reading at 06:45.
        Instant step = Instant.parse("2026-06-16T07:00:09.887402640Z");
        Instant resumed = ClockConfiguration.resumeAt(START, Instant.parse("2026-06-16T06:45:00Z"), step, TWIN_STEP);
        assertThat(resumed).isEqualTo(Instant.parse("2026-06-16T07:01:00Z")).isAfter(step);
        assertThat(ClockConfiguration.resumeAt(START, null, Instant.parse("2026-06-16T07:00:00Z"), TWIN_STEP))
                .isEqualTo(Instant.parse("2026-06-16T07:00:00Z"));
    }

    @Test
    void aStoreOlderThanTheStartDoesNotMoveItBack() {
        assertThat(ClockConfiguration.resumeAt(START, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), TWIN_STEP))
                .isEqualTo(START);
    }
}
