package org.vpp.api.forecast;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.kernel.TimeSeries;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvImport;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;

/**
 * Real day-ahead prices from a CSV file (timestamp, price), replacing the synthetic ones for the market and for
 * forecasting alike. The file is validated when the application starts, and refused with every problem named by
 * line; what the import did (gaps filled, clock changes, resampling) is logged. Prices are resampled to quarter-hours
 * when read: an hourly price holds over its four quarters. One file is one market zone.
 */
public final class CsvPriceHistory implements PriceHistory {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(CsvPriceHistory.class);

    private final TimeSeries prices;

    CsvPriceHistory(TimeSeries prices) {
        if (QUARTER_HOUR.toSeconds() % prices.step().toSeconds() != 0 && prices.step().toSeconds() % QUARTER_HOUR.toSeconds() != 0) {
            throw new IllegalArgumentException("price series step " + prices.step() + " neither divides nor is a multiple of 15 minutes");
        }
        this.prices = prices;
    }

    /** @throws org.vpp.simulator.csv.CsvImportException naming every malformed line */
    public static CsvPriceHistory load(Path file, CsvFormat format) {
        CsvImport imported = CsvTimeSeriesImporter.read(file, format.withTargetStep(QUARTER_HOUR));
        imported.notes().forEach(note -> log.info("Prices {}: {}", file.getFileName(), note));
        return new CsvPriceHistory(imported.series());
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
