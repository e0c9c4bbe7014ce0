package org.vpp.api.config;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.LongSupplier;

import com.github.kagkarlsson.scheduler.Clock;

/**
 * The deadline scheduler's clock: the application clock, moving on in real time while the application clock stands
 * still (a stepped clock in tests, a paused simulation), and never going back.
 * <p>
 * Why: db-scheduler measures its own wait between two looks at the table on the clock it is given ({@code Waiter}
 * waits until {@code now + pollingInterval} on it). On a clock that stands still that wait never ends, so a deadline
 * that fell due at the very instant the clock stopped was never picked up, until the clock moved again; a test that
 * waits for it at that instant hung (seen in {@code DispatchDayIT} about one run in three). A real or accelerated
 * clock moves by itself, so there this is exactly the application clock.
 * <p>
 * The cost: while the application clock stands still, a deadline may fire up to the real time it has stood still
 * early. With a stepped clock that is a test waiting, never more than its wait.
 */
final class SchedulerClock implements Clock {

    private final InstantSource application;
    private final LongSupplier nanoTime;
    private Instant lastApplication;
    private long stoodStillSince;
    private Instant lastAnswer = Instant.MIN;

    SchedulerClock(InstantSource application) {
        this(application, System::nanoTime);
    }

    SchedulerClock(InstantSource application, LongSupplier nanoTime) {
        this.application = application;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Instant now() {
        Instant now = application.instant();
        long nanos = nanoTime.getAsLong();
        Instant answer;
        if (!now.equals(lastApplication)) {
            lastApplication = now;
            stoodStillSince = nanos;
            answer = now;
        } else {
            answer = now.plusNanos(nanos - stoodStillSince);
        }
        if (answer.isBefore(lastAnswer)) answer = lastAnswer;
        lastAnswer = answer;
        return answer;
    }
}
