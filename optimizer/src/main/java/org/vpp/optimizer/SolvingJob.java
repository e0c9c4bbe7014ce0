package org.vpp.optimizer;

import java.util.concurrent.CompletableFuture;
import org.vpp.optimizer.model.Schedule;

/**
 * A problem being solved by the {@link SolvingService}. {@link #cancel()} stops the search: the result then
 * completes with the best schedule found so far, marked {@code terminatedEarly}.
 */
public final class SolvingJob {

    private final SolveRun run;
    private final CompletableFuture<Schedule> result;

    SolvingJob(SolveRun run, CompletableFuture<Schedule> result) {
        this.run = run;
        this.result = result;
    }

    public CompletableFuture<Schedule> result() {
        return result;
    }

    public void cancel() {
        run.cancel();
    }
}
