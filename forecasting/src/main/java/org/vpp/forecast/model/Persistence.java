package org.vpp.forecast.model;

import java.time.Duration;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.vpp.kernel.TimeSeries;

/**
 * Repeats the last observed value: the natural baseline for wind, whose weather regimes persist for hours while
 * its daily cycle is weak, so that yesterday says less than the last quarter-hour.
 */
public record Persistence() implements ForecastModel {

    public static final String NAME = "persistence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public int complexity() {
        return 0;
    }

    @Override
    public int minimumHistory(Duration step) {
        return 1;
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        if (history.size() == 0) {
            throw new IllegalArgumentException("persistence needs one value");
        }
        double last = history.valueAt(history.size() - 1);
        return steps -> DoubleStream.generate(() -> last).limit(steps).toArray();
    }
}
