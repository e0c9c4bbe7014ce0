package org.vpp.forecast.value;

/** How many steps ahead of the origin a forecast reaches. */
public record Horizon(int steps) {

    /** The day-ahead market's 96 quarter-hours. */
    public static final Horizon DAY_AHEAD_QUARTER_HOURS = new Horizon(96);

    public Horizon {
        if (steps < 1) {
            throw new IllegalArgumentException("a horizon has at least one step, was " + steps);
        }
    }
}
