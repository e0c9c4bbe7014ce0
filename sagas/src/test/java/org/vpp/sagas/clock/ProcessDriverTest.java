package org.vpp.sagas.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.vpp.sagas.support.SteppingClock;

class ProcessDriverTest {

    static final Instant START = Instant.parse("2026-06-15T17:36:00Z");

    /** Records the instants of its passes; can be held inside a pass until released. */
    static final class Recorder implements ClockProcess {
        final List<Instant> passes = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile boolean stopAsked;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void runDue(Instant now) {
            passes.add(now);
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void stopAccepting() {
            stopAsked = true;
        }
    }

    @Test
    void eachPassSeesTheApplicationClockAsSteppedByTheTest() {
        SteppingClock clock = new SteppingClock(START);
        Recorder process = new Recorder();
        ProcessDriver driver = new ProcessDriver(clock, List.of(process));

        driver.runDue().join();
        clock.step(Duration.ofMinutes(15));
        driver.runDue().join();

        assertThat(process.passes).containsExactly(START, START.plus(Duration.ofMinutes(15)));
        driver.stop(Duration.ofSeconds(5));
    }

    @Test
    void aProcessStillInItsPassIsNotGivenAnotherButTheOthersAre() {
        SteppingClock clock = new SteppingClock(START);
        Recorder slow = new Recorder();
        Recorder quick = new Recorder();
        slow.hold = new CountDownLatch(1);
        ProcessDriver driver = new ProcessDriver(clock, List.of(slow, quick));

        var first = driver.runDue();
        clock.step(Duration.ofMinutes(1));
        org.awaitility.Awaitility.await().until(() -> quick.passes.size() == 1);
        driver.runDue();
        org.awaitility.Awaitility.await().until(() -> quick.passes.size() == 2);

        assertThat(slow.passes).containsExactly(START);
        slow.hold.countDown();
        first.join();
        assertThat(quick.passes).containsExactly(START, START.plus(Duration.ofMinutes(1)));
        driver.stop(Duration.ofSeconds(5));
    }

    @Test
    void stopLetsThePassInProgressFinishAndGivesNoMore() throws InterruptedException {
        SteppingClock clock = new SteppingClock(START);
        Recorder process = new Recorder();
        process.hold = new CountDownLatch(1);
        ProcessDriver driver = new ProcessDriver(clock, List.of(process));
        var pass = driver.runDue();
        org.awaitility.Awaitility.await().until(() -> process.passes.size() == 1);

        Thread stopper = new Thread(() -> driver.stop(Duration.ofSeconds(30)));
        stopper.start();
        org.awaitility.Awaitility.await().until(() -> process.stopAsked);
        assertThat(pass).as("the pass in progress is not cut short").isNotDone();
        process.hold.countDown();
        stopper.join();

        assertThat(pass).isDone();
        driver.runDue().join();
        assertThat(process.passes).as("no pass after stop").hasSize(1);
    }
}
