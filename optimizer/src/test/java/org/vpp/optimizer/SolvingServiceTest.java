package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
            SolvingJob job = service.submit(Fixtures.randomBatteries(13, 3, 24));
            Thread.sleep(1500);

            job.cancel();
            Schedule schedule = job.result().get(10, TimeUnit.SECONDS);

            assertThat(schedule.terminatedEarly()).isTrue();
            assertThat(schedule.solvingTime()).isLessThan(Duration.ofSeconds(30));
            assertThat(schedule.assets()).hasSize(3);
        }
    }
}
