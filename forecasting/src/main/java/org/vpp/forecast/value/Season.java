package org.vpp.forecast.value;

import java.time.Duration;

/** A seasonal period; its length in steps follows from the series step (96 quarter-hours or 24 hours a day). */
public enum Season {
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7));

    private final Duration period;

    Season(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    public int length(Duration step) {
        if (period.toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException(period + " is not a whole number of steps of " + step);
        }
        return Math.toIntExact(period.toNanos() / step.toNanos());
    }
}
