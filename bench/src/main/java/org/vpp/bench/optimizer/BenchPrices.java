package org.vpp.bench.optimizer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vpp.bench.Refusal;
import org.vpp.bench.csv.CsvOptions;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.csv.CsvImport;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.simulator.price.PriceGenerator;
import org.vpp.simulator.price.PriceModel;
import org.vpp.simulator.price.SystemConditions;
import org.vpp.simulator.series.Unit;
import org.vpp.simulator.weather.WeatherSite;

/** Price curves for the optimizer benchmark: the simulator's day-ahead generator, or a CSV file. */
public final class BenchPrices {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
    private static final int DAY = 96;

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

    /** A local day of quarter-hour prices from a file, with what was done to get it, one line each. */
    public record CsvDay(LocalDate day, List<Double> prices, List<String> report) {
        public CsvDay {
            prices = List.copyOf(prices);
            report = List.copyOf(report);
        }
    }

    /**
     * One local day of 96 quarter-hours (in the options' calendar zone) from a price file read by the importer, its
     * timestamps honoured: an hourly file is held over its quarter-hours. The day is {@code day} if given, else the
     * first the file covers completely; days of a clock change (92 or 100 quarter-hours) do not fit the benchmark's
     * horizon and are skipped.
     *
     * @throws Refusal when the day is not covered, or the file has no complete day; CsvImportException for a bad file
     */
    public static CsvDay fromCsv(Path csv, CsvOptions options, Optional<LocalDate> day) {
        if (options.step().filter(step -> !step.equals(QUARTER_HOUR)).isPresent()) {
            throw new Refusal("--step " + options.step().get() + ": the optimizer benchmark plans quarter-hours, "
                    + "so its prices are always read as PT15M");
        }
        CsvImport imported = CsvTimeSeriesImporter.read(csv,
                options.format(Unit.EUR_PER_MWH).withTargetStep(QUARTER_HOUR));
        TimeSeries prices = imported.series();
        ZoneId zone = options.calendarZone();
        LocalDate chosen = day.map(wanted -> {
            coverage(prices, wanted, zone).ifPresent(why -> {
                throw new Refusal(csv + ": " + wanted + " " + why);
            });
            return wanted;
        }).orElseGet(() -> firstCompleteDay(prices, zone).orElseThrow(() -> new Refusal(csv + ": no complete "
                + "local day of 96 quarter-hours in " + zone + " between " + prices.start() + " and " + prices.end())));
        int from = prices.indexOf(chosen.atStartOfDay(zone).toInstant()).orElseThrow();
        List<String> report = new ArrayList<>();
        imported.notes().forEach(note -> report.add(csv.getFileName() + ": " + note));
        report.add(csv.getFileName() + ": the day " + chosen + " (" + zone + "), 96 quarter-hours from "
                + prices.timeAt(from));
        return new CsvDay(chosen, Arrays.stream(prices.slice(from, from + DAY).values()).boxed().toList(), report);
    }

    /** The price file of the command line: any argument that is not an option. */
    public static Path file(String argument) {
        if (argument.startsWith("--")) {
            throw new Refusal("unknown option " + argument);
        }
        return Path.of(argument);
    }

    /** A date such as 2024-03-15, for {@code --day}. */
    public static LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            throw new Refusal("--day: '" + value + "' is not a date such as 2024-03-15");
        }
    }

    private static Optional<LocalDate> firstCompleteDay(TimeSeries prices, ZoneId zone) {
        LocalDate last = prices.end().atZone(zone).toLocalDate();
        return prices.start().atZone(zone).toLocalDate().datesUntil(last)
                .filter(day -> coverage(prices, day, zone).isEmpty()).findFirst();
    }

    /** Why the series cannot give this local day's 96 quarter-hours, or empty when it can. */
    private static Optional<String> coverage(TimeSeries prices, LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        long quarters = Duration.between(start, end).dividedBy(QUARTER_HOUR);
        if (quarters != DAY) {
            return Optional.of("has " + quarters + " quarter-hours in " + zone + " (a clock change); the benchmark "
                    + "plans a day of " + DAY);
        }
        if (start.isBefore(prices.start()) || end.isAfter(prices.end())) {
            return Optional.of("is not fully covered: the file covers " + prices.start() + " to " + prices.end());
        }
        if (Duration.between(prices.start(), start).toNanos() % QUARTER_HOUR.toNanos() != 0) {
            return Optional.of("does not start on a quarter-hour of the file");
        }
        return Optional.empty();
    }
}
