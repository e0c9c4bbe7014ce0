package org.vpp.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.vpp.kernel.TimeSeries;

/** Test fixtures: series with known structure and seeded noise. */
public final class SyntheticSeries {

    /** A Monday, so that day-of-week features line up with the week. */
    public static final Instant START = Instant.parse("2024-06-03T00:00:00Z");
    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private SyntheticSeries() {
    }

    /** {@code shape} maps the hour of day (fractional, UTC) to a value. */
    public static TimeSeries daily(Duration step, int days, DoubleUnaryOperator shape) {
        int perDay = Math.toIntExact(Duration.ofDays(1).dividedBy(step));
        double[] values = new double[days * perDay];
        for (int i = 0; i < values.length; i++) {
            values[i] = shape.applyAsDouble(24.0 * (i % perDay) / perDay);
        }
        return new TimeSeries(START, step, values);
    }

    /** A daily sine with a weekend dip. */
    public static TimeSeries weekly(Duration step, int days) {
        int perDay = Math.toIntExact(Duration.ofDays(1).dividedBy(step));
        double[] values = new double[days * perDay];
        for (int i = 0; i < values.length; i++) {
            double hour = 24.0 * (i % perDay) / perDay;
            boolean weekend = (i / perDay) % 7 >= 5;
            values[i] = dailyLoad(hour) - (weekend ? 3 : 0);
        }
        return new TimeSeries(START, step, values);
    }

    public static double dailyLoad(double hour) {
        return 10 + 4 * Math.sin(2 * Math.PI * (hour - 6) / 24) + 2 * Math.cos(4 * Math.PI * hour / 24);
    }

    public static TimeSeries withNoise(TimeSeries series, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = series.values();
        for (int i = 0; i < values.length; i++) {
            values[i] += sigma * random.nextGaussian();
        }
        return new TimeSeries(series.start(), series.step(), values);
    }

}
