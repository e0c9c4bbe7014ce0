package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A model's lags: how they are written in its recorded parameters and read back (ISO durations, comma-separated),
 * and what they are in steps of a series.
 */
public final class Lags {

    private static final String NONE = "none";

    private Lags() {
    }

    public static String encode(List<Duration> lags) {
        return lags.isEmpty() ? NONE : lags.stream().map(Duration::toString).collect(Collectors.joining(","));
    }

    public static List<Duration> decode(String text) {
        if (text == null) throw new IllegalArgumentException("parameter lags missing");
        return NONE.equals(text) ? List.of() : Arrays.stream(text.split(",")).map(Duration::parse).toList();
    }

    /** Each lag in steps of {@code step}; a lag that is not a whole number of steps is refused. */
    public static int[] steps(List<Duration> lags, Duration step) {
        return lags.stream().mapToInt(lag -> {
            if (lag.toNanos() % step.toNanos() != 0) {
                throw new IllegalArgumentException("lag " + lag + " is not a whole number of steps of " + step);
            }
            return Math.toIntExact(lag.toNanos() / step.toNanos());
        }).toArray();
    }

    /** The longest lag in steps of {@code step}; 0 without lags. */
    public static int longest(List<Duration> lags, Duration step) {
        return Arrays.stream(steps(lags, step)).max().orElse(0);
    }
}
