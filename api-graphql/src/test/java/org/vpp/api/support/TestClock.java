package org.vpp.api.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move forward by hand. It starts at a fixed instant, never at the wall clock, so a test passes or
 * fails the same at any hour: {@link #START}, 19:36 Berlin time, after the day-ahead gate closure (noon), the hour
 * at which the suite once failed. {@code VPP_TEST_START} (or {@code -Dvpp.test.start}) shifts it, to prove the suite
 * holds at other hours of the day.
 */
public final class TestClock implements InstantSource {

    /** The fixed start of every test clock of this run, and of the simulated clock of applications the tests start. */
    public static final Instant START = start();

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves forward to {@code instant} (an application restarted in a test resumes where the last one was). */
    public void advanceTo(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) throw new IllegalArgumentException("the clock does not go back: " + instant + " < " + t);
            return instant;
        });
    }

    private static Instant start() {
        String configured = System.getProperty("vpp.test.start", System.getenv("VPP_TEST_START"));
        return configured == null || configured.isBlank() ? Instant.parse("2026-06-15T17:36:00Z") : Instant.parse(configured.trim());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        public TestClock testClock() {
            return new TestClock();
        }
    }
}
