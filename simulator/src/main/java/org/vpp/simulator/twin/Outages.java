package org.vpp.simulator.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The alternating renewal process of failures and repairs, drawn from an explicit random stream. */
public final class Outages {

    private Outages() {
    }

    /** A device in service at {@code start} with its first failure drawn. */
    public static OutageState initial(OutageModel model, Instant start, RandomGenerator rng) {
        return new OutageState(true, start.plus(exponential(model.meanTimeToFailure(), rng)));
    }

    /** The state at {@code at}, stepping through every failure and repair due until then. */
    public static OutageState at(OutageState state, OutageModel model, Instant at, RandomGenerator rng) {
        OutageState current = state;
        while (!current.nextTransition().isAfter(at)) {
            boolean nowAvailable = !current.available();
            Duration mean = nowAvailable ? model.meanTimeToFailure() : model.meanTimeToRepair();
            current = new OutageState(nowAvailable, current.nextTransition().plus(exponential(mean, rng)));
        }
        return current;
    }

    static Duration exponential(Duration mean, RandomGenerator rng) {
        double seconds = -Math.log(1 - rng.nextDouble()) * mean.toSeconds();
        // At least a second, so a pathological draw cannot stall the loop above.
        return Duration.ofSeconds(Math.max(1, Math.min((long) seconds, Long.MAX_VALUE / 4_000_000_000L)));
    }
}
