package org.vpp.api.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvImport;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;

/**
 * Real series for individual devices: a directory of {@code <asset-id>.csv} files (timestamp, value) that replace a
 * twin's synthetic series: available power for PV and wind, demand for loads and EV chargers. Values are what a
 * meter shows, positive: generation for PV and wind, consumption for loads. Every file is validated at start, with
 * its problems named by line (what its import did is logged), and must begin by the clock's start (a warm-up before it starts no earlier than they
 * do); the simulation ends where the shortest ends.
 */
public final class DeviceSeriesFiles {

    private static final Logger log = LoggerFactory.getLogger(DeviceSeriesFiles.class);

    private DeviceSeriesFiles() {
    }

    /** @return series by asset id, in MW, positive */
    public static Map<String, TimeSeries> load(Path directory, CsvFormat format, Instant from) {
        Map<String, TimeSeries> series = new HashMap<>();
        if (directory == null) return series;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                String assetId = file.getFileName().toString().replaceFirst("\\.csv$", "");
                CsvImport imported = CsvTimeSeriesImporter.read(file, format);
                imported.notes().forEach(note -> log.info("Series {}: {}", file.getFileName(), note));
                TimeSeries s = imported.series();
                if (s.start().isAfter(from) || !s.end().isAfter(from)) {
                    throw new IllegalArgumentException(file + " covers [" + s.start() + ", " + s.end()
                            + ") but the simulation starts at " + from);
                }
                series.put(assetId, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read device series from " + directory, e);
        }
        return series;
    }

    /** The start of the simulation: {@code start}, or later where a real series starts later. */
    public static Instant startWithin(Map<String, TimeSeries> series, Instant start) {
        Instant result = start;
        for (TimeSeries s : series.values()) if (s.start().isAfter(result)) result = s.start();
        return result;
    }

    /** The end of the simulation: {@code end}, or earlier where a real series ends. */
    public static Instant endWithin(Map<String, TimeSeries> series, Instant end) {
        Instant result = end;
        for (TimeSeries s : series.values()) if (s.end().isBefore(result)) result = s.end();
        return result;
    }
}
