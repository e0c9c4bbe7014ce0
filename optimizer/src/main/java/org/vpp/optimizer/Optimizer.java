package org.vpp.optimizer;

import java.util.function.Consumer;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;

/**
 * The optimizer's front: a problem in, a schedule out. Solves the LP relaxation first (the warm start and the
 * yardstick of the gap), then lets Timefold enforce what the LP cannot (discrete levels, exact ramps) and
 * explain the score. Thread-safe; each call solves on the calling thread.
 */
public final class Optimizer {

    private final OptimizerSettings settings;
    private final LpReference lpReference;
    private final SolverFactories factories = new SolverFactories();

    public Optimizer(OptimizerSettings settings) {
        this(settings, new LpReference());
    }

    public Optimizer(OptimizerSettings settings, LpReference lpReference) {
        this.settings = settings;
        this.lpReference = lpReference;
    }

    public OptimizerSettings settings() {
        return settings;
    }

    public Schedule optimize(Problem problem) {
        return optimize(problem, progress -> { });
    }

    /** Like {@link #optimize(Problem)}, reporting every new best score (for benchmarks and live views). */
    public Schedule optimize(Problem problem, Consumer<Progress> listener) {
        return prepare(problem, listener).run();
    }

    SolveRun prepare(Problem problem, Consumer<Progress> listener) {
        return new SolveRun(problem, settings, lpReference, factories, listener);
    }
}
