package org.vpp.sagas.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * When the alert watch raises an alert.
 *
 * @param checkEvery        application-clock time between two looks at the conditions
 * @param silentAfter       a site none of whose devices reported for this long is silent (the watchdog's limit)
 * @param deviationShare    a dispatch slot deviates when its |deviation| exceeds this share of its |target| ...
 * @param deviationMinMw    ... and this many MW (so small targets do not alarm on noise)
 * @param maxProcessorLag   events an event processor may lag behind the event store
 * @param maxGap            the share a schedule may be from the optimizer's bound (0.05: 5 %)
 */
public record AlertSettings(Duration checkEvery, Duration silentAfter, double deviationShare, double deviationMinMw,
                            long maxProcessorLag, double maxGap) {

    public AlertSettings {
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(silentAfter, "silentAfter");
        if (!checkEvery.isPositive() || !silentAfter.isPositive()) {
            throw new IllegalArgumentException("alert checkEvery and silentAfter must be positive");
        }
        if (!(deviationShare >= 0) || !(deviationMinMw >= 0) || maxProcessorLag < 0 || !(maxGap >= 0)) {
            throw new IllegalArgumentException("alert thresholds must not be negative");
        }
    }
}
