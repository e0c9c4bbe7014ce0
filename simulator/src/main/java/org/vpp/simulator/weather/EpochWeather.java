package org.vpp.simulator.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.SeedStreams;

/**
 * The weather of one site as an archive: any window reads the same values whenever it is asked, whether by the
 * twins that live in it, by a restart that rebuilds them from another instant, or by the forecaster that learns
 * from its forecasts weeks later. It is generated in blocks of a week from the epoch's first Monday, each block from
 * its own seed derived from the site's seed and the block number (the weather is continuous within a week and
 * starts afresh at Monday 00:00 UTC, as the simulated prices do).
 */
public final class EpochWeather {

    static final Duration BLOCK = Duration.ofDays(7);
    static final Instant EPOCH = Instant.parse("1970-01-05T00:00:00Z");
    private static final int MAX_CACHED_BLOCKS = 16;

    private final WeatherSite site;
    private final Duration step;
    private final long seed;
    private final int blockSteps;
    private final Map<Long, WeatherSeries> blocks = new ConcurrentHashMap<>();

    public EpochWeather(WeatherSite site, Duration step, long seed) {
        if (step.isZero() || step.isNegative() || BLOCK.toSeconds() % step.toSeconds() != 0) {
            throw new IllegalArgumentException("the weather's step must divide a week, was " + step);
        }
        this.site = site;
        this.step = step;
        this.seed = seed;
        this.blockSteps = Math.toIntExact(BLOCK.toSeconds() / step.toSeconds());
    }

    public Duration step() {
        return step;
    }

    /** The weather over {@code count} steps from {@code from}, which must lie on the step grid from the epoch. */
    public WeatherSeries window(Instant from, int count) {
        long offset = Duration.between(EPOCH, from).toSeconds();
        if (offset % step.toSeconds() != 0) {
            throw new IllegalArgumentException(from + " is not on the weather's grid of " + step);
        }
        long first = Math.floorDiv(offset / step.toSeconds(), blockSteps) * blockSteps;
        int skip = Math.toIntExact(offset / step.toSeconds() - first);
        double[][] columns = new double[4][count];
        int filled = 0;
        long block = Math.floorDiv(first, blockSteps);
        while (filled < count) {
            WeatherSeries weekly = block(block);
            int take = Math.min(blockSteps - skip, count - filled);
            copy(weekly.ghiWPerM2(), skip, columns[0], filled, take);
            copy(weekly.temperatureC(), skip, columns[1], filled, take);
            copy(weekly.windSpeedMsAt10m(), skip, columns[2], filled, take);
            copy(weekly.cloudCover(), skip, columns[3], filled, take);
            filled += take;
            skip = 0;
            block++;
        }
        return new WeatherSeries(site, new TimeSeries(from, step, columns[0]), new TimeSeries(from, step, columns[1]),
                new TimeSeries(from, step, columns[2]), new TimeSeries(from, step, columns[3]));
    }

    private WeatherSeries block(long number) {
        WeatherSeries cached = blocks.get(number);
        if (cached != null) return cached;
        WeatherSeries generated = WeatherGenerator.generate(site, EPOCH.plus(BLOCK.multipliedBy(number)), step, blockSteps,
                SeedStreams.derive(seed, "week:" + number));
        if (blocks.size() >= MAX_CACHED_BLOCKS) blocks.clear();
        blocks.put(number, generated);
        return generated;
    }

    private static void copy(TimeSeries from, int offset, double[] to, int at, int count) {
        double[] values = from.values();
        System.arraycopy(values, offset, to, at, count);
    }
}
