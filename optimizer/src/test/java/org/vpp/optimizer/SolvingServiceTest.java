package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.Schedule;

class SolvingServiceTest {

    @Test
    void solvesQueuedProblemsAsynchronouslyOneAtATime() throws Exception {
        OptimizerSettings settings = OptimizerSettings.defaults().withTimeBudget(Duration.ofSeconds(1), Duration.ofMillis(200));
        try (SolvingService service = new SolvingService(new Optimizer(settings))) {
            SolvingJob first = service.submit(Fixtures.randomBatteries(11, 2, 8));
            SolvingJob second = service.submit(Fixtures.randomBatteries(12, 2, 8));

            assertThat(first.result().get(10, TimeUnit.SECONDS).feasible()).isTrue();
            assertThat(second.result().get(10, TimeUnit.SECONDS).feasible()).isTrue();
        }
    }

    @Test
    void cancellingReturnsTheBestScheduleSoFarMarkedAsTerminatedEarly() throws Exception {
        OptimizerSettings settings = OptimizerSettings.defaults()
                .withTimeBudget(Duration.ofSeconds(60), Duration.ZERO)
                .withGapTarget(Optional.empty())
                .withWarmStartFromLp(false);
        try (SolvingService service = new SolvingService(new Optimizer(settings))) {
            AtomicInteger progress = new AtomicInteger();
            SolvingJob job = service.submit(Fixtures.randomBatteries(13, 3, 24), p -> progress.incrementAndGet());
            // The first report is the starting schedule; the second, a better one found by the running search.
            await().atMost(Duration.ofSeconds(30)).untilAtomic(progress, greaterThanOrEqualTo(2));

            job.cancel();
            Schedule schedule = job.result().get(10, TimeUnit.SECONDS);

            assertThat(schedule.terminatedEarly()).isTrue();
            assertThat(schedule.assets()).hasSize(3);
        }
    }
}
