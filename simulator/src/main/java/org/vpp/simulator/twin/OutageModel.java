package org.vpp.simulator.twin;

import java.time.Duration;
import java.util.Objects;

/** Random outages: exponential times to failure and to repair with the given means. */
public record OutageModel(Duration meanTimeToFailure, Duration meanTimeToRepair) {

    public OutageModel {
        Objects.requireNonNull(meanTimeToFailure, "meanTimeToFailure");
        Objects.requireNonNull(meanTimeToRepair, "meanTimeToRepair");
        if (meanTimeToFailure.isNegative() || meanTimeToFailure.isZero()
                || meanTimeToRepair.isNegative() || meanTimeToRepair.isZero()) {
            throw new IllegalArgumentException("mean times must be positive");
        }
    }

    /** A device that never fails: a mean time to failure of a million years. */
    public static OutageModel never() {
        return new OutageModel(Duration.ofDays(365L * 1_000_000), Duration.ofHours(1));
    }

    /** The long-run share of time the device is available. */
    public double availability() {
        double failure = meanTimeToFailure.toSeconds();
        return failure / (failure + meanTimeToRepair.toSeconds());
    }
}
