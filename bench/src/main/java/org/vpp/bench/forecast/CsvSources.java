package org.vpp.bench.forecast;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.vpp.forecast.value.Source;
import org.vpp.forecast.value.SourceKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.simulator.series.Unit;

/**
 * Reads a command-line argument {@code [kind[@lat,lon]:]file.csv} (timestamp,value) with the simulator's CSV
 * importer. Without a kind the series is treated as LOAD, which applies no physical bounds; PV needs its site:
 * {@code pv@52.52,13.40:pv.csv}. Prices are read in EUR/MWh, everything else in MW.
 */
public final class CsvSources {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private CsvSources() {
    }

    public static BenchmarkSource parse(String argument) {
        int colon = argument.indexOf(':');
        String spec = colon > 0 && !argument.substring(0, colon).contains("/") ? argument.substring(0, colon) : "";
        Path file = Path.of(spec.isEmpty() ? argument : argument.substring(colon + 1));
        Source source = source(spec);
        Unit unit = source.kind() == SourceKind.PRICE ? Unit.EUR_PER_MWH : Unit.MW;
        return new BenchmarkSource(file.getFileName() + " (" + source.kind() + ")", source,
                CsvTimeSeriesImporter.importFile(file, CsvFormat.of(unit)));
    }

    private static Source source(String spec) {
        if (spec.isEmpty()) {
            return Source.of(SourceKind.LOAD, ZONE);
        }
        String[] kindAndSite = spec.split("@", 2);
        SourceKind kind = SourceKind.valueOf(kindAndSite[0].toUpperCase(Locale.ROOT));
        if (kindAndSite.length == 1) {
            return Source.of(kind, ZONE);
        }
        String[] latLon = kindAndSite[1].split(",");
        GeoLocation site = new GeoLocation(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1]));
        return kind == SourceKind.PV ? Source.pv(site, ZONE) : new Source(kind, ZONE, java.util.Optional.of(site));
    }
}
