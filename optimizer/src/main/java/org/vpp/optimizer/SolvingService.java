package org.vpp.optimizer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.vpp.optimizer.model.Problem;

/**
 * Asynchronous solving on a bounded pool: at most {@code solverThreads} problems at once (1 by default, which
 * leaves a core for the rest on a 2-core machine); further submissions queue. Each job stops at its time
 * budget, after the unimproved-time limit, at the gap target, or when cancelled. An infeasible result is
 * returned as a schedule whose {@code feasible()} is false, never as a hidden failure.
 */
public final class SolvingService implements AutoCloseable {

    private final Optimizer optimizer;
    private final ExecutorService executor;

    public SolvingService(Optimizer optimizer) {
        this.optimizer = optimizer;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(optimizer.settings().solverThreads(), runnable -> {
            Thread thread = new Thread(runnable, "vpp-optimizer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SolvingJob submit(Problem problem) {
        return submit(problem, progress -> { });
    }

    public SolvingJob submit(Problem problem, Consumer<Progress> listener) {
        SolveRun run = optimizer.prepare(problem, listener);
        return new SolvingJob(run, CompletableFuture.supplyAsync(run::run, executor));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
