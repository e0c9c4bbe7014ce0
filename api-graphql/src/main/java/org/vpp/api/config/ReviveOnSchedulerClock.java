package org.vpp.api.config;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a deadline that a process had picked and was running when it died (kill -9, power loss): it runs
 * again, due now on the scheduler's clock.
 * <p>
 * db-scheduler's own {@code ReviveDeadExecution} reschedules it at the machine's {@code Instant.now()}, not at its
 * clock's now. On real time the two agree; on the demo world's simulated clock, which runs months behind the
 * machine's, the deadline was pushed months into the simulated future and never fired (found by {@code CycleCrashIT}:
 * an inputs deadline in flight at a kill stayed in {@code scheduled_tasks} for good).
 */
final class ReviveOnSchedulerClock<T> implements DeadExecutionHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(ReviveOnSchedulerClock.class);

    private final Clock clock;

    ReviveOnSchedulerClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deadExecution(ExecutionComplete executionComplete, ExecutionOperations<T> executionOperations) {
        var now = clock.now();
        log.info("Deadline {} was being run by a process that stopped; it runs again, due {}",
                executionComplete.getExecution().taskInstance, now);
        executionOperations.reschedule(executionComplete, now);
    }
}
