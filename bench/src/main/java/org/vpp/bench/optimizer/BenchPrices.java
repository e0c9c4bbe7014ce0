package org.vpp.bench.optimizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vpp.kernel.GeoLocation;
import org.vpp.simulator.price.PriceGenerator;
import org.vpp.simulator.price.PriceModel;
import org.vpp.simulator.price.SystemConditions;
import org.vpp.simulator.weather.WeatherSite;

/** Price curves for the optimizer benchmark: the simulator's day-ahead generator, or a CSV file. */
public final class BenchPrices {

    private BenchPrices() {
    }

    /** One simulated day-ahead day (96 quarter-hours) in central Europe, fixed date and seed. */
    public static List<Double> simulatedDay(long seed) {
        SystemConditions conditions = SystemConditions.synthetic(new WeatherSite(new GeoLocation(50.1, 8.7), 110), ZoneId.of("Europe/Berlin"),
                Set.of(), Instant.parse("2026-03-16T23:00:00Z"), Duration.ofMinutes(15), 96, seed);
        double[] values = PriceGenerator.dayAheadPricesEurPerMwh(conditions, PriceModel.centralEurope(), seed).values();
        List<Double> prices = new ArrayList<>(values.length);
        for (double v : values) {
            prices.add(v);
        }
        return prices;
    }

    /** The last numeric cell of each row of a CSV (header lines and non-numeric rows skipped), first {@code slots}. */
    public static List<Double> fromCsv(Path csv, int slots) throws IOException {
        List<Double> prices = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split("[,;\t]");
            try {
                prices.add(Double.parseDouble(cells[cells.length - 1].trim()));
            } catch (NumberFormatException notAPrice) {
                continue;
            }
            if (prices.size() == slots) {
                break;
            }
        }
        if (prices.size() < slots) {
            throw new IllegalArgumentException(csv + " has only " + prices.size() + " prices, need " + slots);
        }
        return prices;
    }
}
