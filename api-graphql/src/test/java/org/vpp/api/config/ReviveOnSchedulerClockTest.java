package org.vpp.api.config;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.Test;

/** A deadline whose process died while running it runs again at the scheduler clock's now, simulated or not. */
class ReviveOnSchedulerClockTest {

    /** The demo world's clock, months behind the machine's. */
    private static final Instant SIMULATED_NOW = Instant.parse("2026-06-16T09:12:00Z");

    @Test
    @SuppressWarnings("unchecked")
    void aDeadExecutionIsDueAgainAtTheSchedulersNowNotTheMachines() {
        ExecutionOperations<Object> operations = mock(ExecutionOperations.class);
        Execution picked = new Execution(Instant.parse("2026-06-16T08:00:44Z"), new TaskInstance<>("AxonDeadline", "d-1"));
        ExecutionComplete dead = ExecutionComplete.failure(picked, SIMULATED_NOW, SIMULATED_NOW, null);

        new ReviveOnSchedulerClock<>(() -> SIMULATED_NOW).deadExecution(dead, operations);

        verify(operations).reschedule(eq(dead), eq(SIMULATED_NOW));
        org.mockito.Mockito.verifyNoMoreInteractions(operations);
    }
}
