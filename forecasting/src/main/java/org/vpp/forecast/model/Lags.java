package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How a model's lags are written in its recorded parameters and read back: ISO durations, comma-separated. */
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
}
