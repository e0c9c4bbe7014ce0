package org.vpp.api.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.simulator.series.Unit;

/**
 * Real day-ahead prices from a CSV file (timestamp, price), replacing the synthetic ones for the market and for
 * forecasting alike. The file is validated when the application starts, and refused with every problem named by
 * line. Hourly prices are read as four equal quarter-hours. One file is one market zone.
 */
public final class CsvPriceHistory implements PriceHistory {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private final TimeSeries prices;

    CsvPriceHistory(TimeSeries prices) {
        if (QUARTER_HOUR.toSeconds() % prices.step().toSeconds() != 0 && prices.step().toSeconds() % QUARTER_HOUR.toSeconds() != 0) {
            throw new IllegalArgumentException("price series step " + prices.step() + " neither divides nor is a multiple of 15 minutes");
        }
        this.prices = prices;
    }

    /** @throws org.vpp.simulator.csv.CsvImportException naming every malformed line */
    public static CsvPriceHistory load(Path file, Unit unit, char separator, ZoneId localZone) {
        return new CsvPriceHistory(CsvTimeSeriesImporter.importFile(file,
                CsvFormat.of(unit).withSeparator(separator).withLocalZone(localZone)));
    }

    @Override
    public TimeSeries prices(String zone, Instant from, Instant to) {
        if (from.isBefore(prices.start()) || to.isAfter(prices.end())) {
            throw new IllegalArgumentException("the imported prices cover [" + prices.start() + ", " + prices.end()
                    + "); asked for [" + from + ", " + to + ")");
        }
        int steps = Math.toIntExact(Duration.between(from, to).toSeconds() / QUARTER_HOUR.toSeconds());
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) values[i] = prices.valueAt(from.plus(QUARTER_HOUR.multipliedBy(i)));
        return new TimeSeries(from, QUARTER_HOUR, values);
    }

    @Override
    public Optional<Instant> coveredFrom() {
        return Optional.of(prices.start());
    }

    @Override
    public Optional<Instant> coveredUntil() {
        return Optional.of(prices.end());
    }
}
