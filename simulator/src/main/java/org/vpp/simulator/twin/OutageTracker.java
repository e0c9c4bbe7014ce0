package org.vpp.simulator.twin;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** The mutable holder of one twin's outage state; guarded by the owning twin's lock. */
final class OutageTracker {

    private final OutageModel model;
    private final RandomGenerator rng;
    private OutageState state;

    OutageTracker(OutageModel model, Instant start, RandomGenerator rng) {
        this.model = model;
        this.rng = rng;
        this.state = Outages.initial(model, start, rng);
    }

    boolean availableAt(Instant at) {
        state = Outages.at(state, model, at, rng);
        return state.available();
    }
}
