package org.vpp.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import jakarta.annotation.Nonnull;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's deadline manager on db-scheduler, except that cancelling a deadline that db-scheduler is running at that
 * moment is not an error.
 * <p>
 * A saga step that outlasts its own deadline (an optimization that ran long, a catch-up after a restart) cancels that
 * deadline as its handling commits; by then db-scheduler may have picked the deadline and be waiting for the saga's
 * lock to run it. Axon's manager lets db-scheduler's {@link TaskInstanceCurrentlyExecutingException} through, which
 * fails the whole batch: the step's outcome is rolled back and its event processor retries, while the deadline then
 * runs against the saga's old state. Here the cancellation gives way instead; the step is stored, and the deadline
 * meets the saga's new state, where the sagas ignore a deadline whose step has moved on.
 */
final class PersistentDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(PersistentDeadlineManager.class);

    private final Scheduler scheduler;

    /** @param builder Axon's builder, given the same {@code scheduler} */
    PersistentDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException e) {
                log.debug("Deadline {} ({}) was gone when cancelled: it ran or was cancelled before", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException e) {
                log.info("Deadline {} ({}) is running as it is cancelled; its handler will find the saga moved on",
                        deadlineName, scheduleId);
            }
        });
    }
}
