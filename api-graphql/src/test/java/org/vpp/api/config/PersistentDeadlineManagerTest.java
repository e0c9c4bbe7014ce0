package org.vpp.api.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a deadline that db-scheduler runs at that moment: Axon's manager fails the caller (and with it the saga
 * step's batch); ours gives way. Outside a unit of work the cancellation runs at once, so the failure shows here.
 */
class PersistentDeadlineManagerTest {

    private final Scheduler scheduler = mock(Scheduler.class);

    @Test
    void cancellingADeadlineWhileItRunsGivesWayInsteadOfFailingTheStepThatCancels() {
        doThrow(new TaskInstanceCurrentlyExecutingException("AxonDeadline", "d-1")).when(scheduler).cancel(any(TaskInstanceId.class));

        assertThatThrownBy(() -> axons().cancelSchedule("bidding-inputs", "d-1"))
                .as("Axon's own manager, for contrast").isInstanceOf(TaskInstanceCurrentlyExecutingException.class);
        assertThatCode(() -> ours().cancelSchedule("bidding-inputs", "d-1")).doesNotThrowAnyException();
        verify(scheduler, org.mockito.Mockito.times(2)).cancel(new DbSchedulerDeadlineToken("d-1"));
    }

    @Test
    void aDeadlineAlreadyGoneIsCancelledQuietlyAsBefore() {
        doThrow(new TaskInstanceNotFoundException("AxonDeadline", "d-2")).when(scheduler).cancel(any(TaskInstanceId.class));

        assertThatCode(() -> ours().cancelSchedule("bidding-draft", "d-2")).doesNotThrowAnyException();
    }

    private DbSchedulerDeadlineManager.Builder builder() {
        return DbSchedulerDeadlineManager.builder().scopeAwareProvider(mock(ScopeAwareProvider.class))
                .serializer(mock(Serializer.class)).transactionManager(NoTransactionManager.INSTANCE)
                .startScheduler(false).stopScheduler(false);
    }

    private DbSchedulerDeadlineManager axons() {
        return builder().scheduler(scheduler).build();
    }

    private DbSchedulerDeadlineManager ours() {
        return new PersistentDeadlineManager(builder(), scheduler);
    }
}
