package org.vpp.bench.forecast;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vpp.bench.Refusal;
import org.vpp.bench.csv.CsvOptions;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.simulator.csv.CsvImport;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.simulator.series.Unit;

/**
 * Reads the command-line arguments {@code [--zone Z] [--separator C] [--decimal-comma] [--max-fill D] [--step D]
 * [kind[@lat,lon]:]file.csv ...} (timestamp,value) with the simulator's CSV importer (see {@link CsvOptions}).
 * Without a kind the series is treated as LOAD, which applies no physical bounds; PV needs its site:
 * {@code pv@52.52,13.40:pv.csv}. Prices are read in EUR/MWh, everything else in MW.
 */
public final class CsvSources {

    private CsvSources() {
    }

    /**
     * Every file of the command line, each import's report printed to {@code out}, one line a note.
     *
     * @throws Refusal for an unknown option or a bad value; CsvImportException for a file refused
     */
    public static List<BenchmarkSource> fromArguments(List<String> args, PrintStream out) {
        CsvOptions.Parsed parsed = CsvOptions.parse(args);
        parsed.rest().stream().filter(arg -> arg.startsWith("--")).findFirst().ifPresent(unknown -> {
            throw new Refusal("unknown option " + unknown + " (known: --zone, --separator, --decimal-comma, "
                    + "--max-fill, --step)");
        });
        return parsed.rest().stream().map(argument -> parse(argument, parsed.options(), out)).toList();
    }

    public static BenchmarkSource parse(String argument, CsvOptions options, PrintStream out) {
        int colon = argument.indexOf(':');
        String spec = colon > 0 && !argument.substring(0, colon).contains("/") ? argument.substring(0, colon) : "";
        Path file = Path.of(spec.isEmpty() ? argument : argument.substring(colon + 1));
        Source source = source(spec, argument, options.calendarZone());
        Unit unit = source.kind() == SourceKind.PRICE ? Unit.EUR_PER_MWH : Unit.MW;
        CsvImport imported = CsvTimeSeriesImporter.read(file, options.format(unit));
        imported.notes().forEach(note -> out.println(file.getFileName() + ": " + note));
        return new BenchmarkSource(file.getFileName() + " (" + source.kind() + ")", source, imported.series());
    }

    private static Source source(String spec, String argument, ZoneId zone) {
        if (spec.isEmpty()) {
            return Source.of(SourceKind.LOAD, zone);
        }
        String[] kindAndSite = spec.split("@", 2);
        SourceKind kind = kind(kindAndSite[0], argument);
        if (kindAndSite.length == 1) {
            return Source.of(kind, zone);
        }
        GeoLocation site = site(kindAndSite[1], argument);
        return kind == SourceKind.PV ? Source.pv(site, zone) : new Source(kind, zone, Optional.of(site));
    }

    private static SourceKind kind(String name, String argument) {
        try {
            return SourceKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Refusal("unknown kind '" + name + "' in '" + argument + "' (one of "
                    + Arrays.toString(SourceKind.values()) + ")");
        }
    }

    private static GeoLocation site(String latLon, String argument) {
        String[] parts = latLon.split(",");
        try {
            return new GeoLocation(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (RuntimeException notASite) {
            throw new Refusal("bad site '" + latLon + "' in '" + argument + "': expected lat,lon such as 52.52,13.40");
        }
    }
}
