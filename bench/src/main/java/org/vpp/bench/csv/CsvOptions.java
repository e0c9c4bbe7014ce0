package org.vpp.bench.csv;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vpp.bench.Refusal;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.series.Unit;

/**
 * How the benchmarks read CSV files, from the command line: {@code --zone Europe/Berlin} (the zone of timestamps
 * without offset, and the calendar zone), {@code --separator ';'}, {@code --decimal-comma}, {@code --max-fill PT2H}
 * (longest gap filled) and {@code --step PT15M} (resample to this step).
 */
public record CsvOptions(Optional<ZoneId> zone, char separator, boolean decimalComma, Duration maxFill,
                         Optional<Duration> step) {

    public static final CsvOptions DEFAULTS = new CsvOptions(Optional.empty(), ',', false, CsvFormat.DEFAULT_MAX_FILL,
            Optional.empty());
    /** The calendar of the benchmarks when no zone is given: the German-Luxembourg market's. */
    private static final ZoneId DEFAULT_CALENDAR = ZoneId.of("Europe/Berlin");

    /** The options found and the other arguments, in their order. */
    public record Parsed(CsvOptions options, List<String> rest) {
        public Parsed {
            rest = List.copyOf(rest);
        }
    }

    /**
     * Takes the CSV options out of {@code args} wherever they stand; other arguments (files, other options and
     * their values) stay in {@code rest}.
     *
     * @throws Refusal naming an option without its value or with a bad one
     */
    public static Parsed parse(List<String> args) {
        CsvOptions options = DEFAULTS;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--decimal-comma")) {
                options = new CsvOptions(options.zone, options.separator, true, options.maxFill, options.step);
            } else if (List.of("--zone", "--separator", "--max-fill", "--step").contains(arg)) {
                if (i + 1 == args.size()) {
                    throw new Refusal(arg + " needs a value");
                }
                options = options.with(arg, args.get(++i));
            } else {
                rest.add(arg);
            }
        }
        if (options.decimalComma && options.separator == ',') {
            throw new Refusal("--decimal-comma needs a --separator other than ','");
        }
        return new Parsed(options, rest);
    }

    private CsvOptions with(String option, String value) {
        return switch (option) {
            case "--zone" -> new CsvOptions(Optional.of(zone(value)), separator, decimalComma, maxFill, step);
            case "--separator" -> new CsvOptions(zone, separator(value), decimalComma, maxFill, step);
            case "--max-fill" -> new CsvOptions(zone, separator, decimalComma, duration(option, value, true), step);
            default -> new CsvOptions(zone, separator, decimalComma, maxFill,
                    Optional.of(duration(option, value, false)));
        };
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException unknown) {
            throw new Refusal("--zone: unknown zone '" + value + "' (a region such as Europe/Berlin, or UTC)");
        }
    }

    private static char separator(String value) {
        String separator = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
        if (separator.length() != 1) {
            throw new Refusal("--separator: '" + value + "' is not one character (such as ';', ',' or tab)");
        }
        return separator.charAt(0);
    }

    /** ISO-8601 ({@code PT2H}), or without its "PT" ({@code 2H}, {@code 15M}). */
    private static Duration duration(String option, String value, boolean zeroAllowed) {
        String text = value.toUpperCase(Locale.ROOT);
        try {
            Duration duration = Duration.parse(text.startsWith("P") ? text : "PT" + text);
            if (duration.isNegative() || duration.isZero() && !zeroAllowed) {
                throw new Refusal(option + ": " + value + " must be " + (zeroAllowed ? "zero or more" : "positive"));
            }
            return duration;
        } catch (DateTimeParseException notADuration) {
            throw new Refusal(option + ": '" + value + "' is not a duration such as PT2H or PT15M");
        }
    }

    /** The zone days are counted in: the given zone, or Europe/Berlin. */
    public ZoneId calendarZone() {
        return zone.orElse(DEFAULT_CALENDAR);
    }

    /** The importer's format for a file of this unit, with these options. */
    public CsvFormat format(Unit unit) {
        CsvFormat format = CsvFormat.of(unit).withSeparator(separator).withDecimalComma(decimalComma)
                .withMaxFill(maxFill);
        format = zone.map(format::withLocalZone).orElse(format);
        return step.map(format::withTargetStep).orElse(format);
    }
}
