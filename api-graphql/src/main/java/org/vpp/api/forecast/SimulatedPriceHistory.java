package org.vpp.api.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.forecast.ForecastSettings;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.simulator.price.PriceGenerator;
import org.vpp.simulator.price.PriceModel;
import org.vpp.simulator.price.SystemConditions;
import org.vpp.simulator.weather.WeatherSite;

/**
 * The simulator's synthetic day-ahead prices as a price history. The series is generated in weekly blocks
 * counted from the epoch, each from its own seed ({@code seed}, the zone and the block number), so any window
 * reads the same prices whenever it is asked for: the history does not depend on when or how it is read.
 */
public class SimulatedPriceHistory implements PriceHistory {

    private static final Duration BLOCK = Duration.ofDays(7);
    private static final Duration STEP = ForecastSettings.STEP;
    private static final int BLOCK_STEPS = Math.toIntExact(BLOCK.toSeconds() / STEP.toSeconds());
    private static final int CACHED_BLOCKS = 16;

    private final long seed;
    private final WeatherSite location;
    private final ZoneId zone;
    private final Map<String, double[]> blocks = new ConcurrentHashMap<>();

    public SimulatedPriceHistory(long seed, double latitude, double longitude, ZoneId zone) {
        this.seed = seed;
        this.location = WeatherSite.of(latitude, longitude);
        this.zone = zone;
    }

    @Override
    public TimeSeries prices(String marketZone, Instant from, Instant to) {
        long first = blockOf(from);
        int steps = Math.toIntExact(Duration.between(from, to).toSeconds() / STEP.toSeconds());
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) {
            Instant at = from.plus(STEP.multipliedBy(i));
            long block = blockOf(at);
            int index = Math.toIntExact(Duration.between(blockStart(block), at).toSeconds() / STEP.toSeconds());
            values[i] = block(marketZone, block)[index];
        }
        if (blocks.size() > CACHED_BLOCKS) blocks.clear();
        return new TimeSeries(from, STEP, values);
    }

    private double[] block(String marketZone, long block) {
        return blocks.computeIfAbsent(marketZone + "#" + block, key -> {
            long blockSeed = seed * 1_000_003L + marketZone.hashCode() * 31L + block;
            SystemConditions conditions = SystemConditions.synthetic(location, zone, Set.of(), blockStart(block), STEP,
                    BLOCK_STEPS, blockSeed);
            return PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), blockSeed).values();
        });
    }

    private static long blockOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BLOCK.toSeconds());
    }

    private static Instant blockStart(long block) {
        return Instant.ofEpochSecond(block * BLOCK.toSeconds());
    }
}
