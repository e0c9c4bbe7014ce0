package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vpp.api.VppApplication;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestClock;
import org.vpp.api.support.TestDatabase;
import org.vpp.simulator.csv.CsvImportException;

/**
 * Real series from CSV files through the application's own entry point: prices (VPP_PRICES_CSV = vpp.prices.csv)
 * and per-device series (VPP_SIMULATION_SERIES_DIR = vpp.simulation.series-dir).
 */
class ImportedSeriesIT {

    static final Instant FILE_START = Instant.parse("2024-06-03T00:00:00Z");

    private static Clock axonClockBefore;

    @TempDir
    Path dir;

    @BeforeAll
    static void rememberAxonClock() {
        axonClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreAxonClock() {
        GenericEventMessage.clock = axonClockBefore;
    }

    private static List<String> args(Path csv, String... more) {
        List<String> args = new ArrayList<>(TestDatabase.applicationArguments());
        args.addAll(List.of("--server.port=0", "--vpp.prices.csv=" + csv, "--vpp.simulation.devices=12",
                "--vpp.simulation.seed=7", "--vpp.forecast.search-budget=PT1S"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theRunReplaysTheFileAndForecastsItsPrices() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,price\n");
        for (int h = 0; h < 24 * 10; h++) {
            double price = 70 + 40 * Math.sin(2 * Math.PI * (h % 24) / 24.0 - 2) + (h % 24 == 13 ? -90 : 0);
            csv.append(FILE_START.plus(Duration.ofHours(h))).append(',').append(Math.round(price * 100) / 100.0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("prices.csv"), csv);
        // A simulated day per real second, so four days of the file are replayed in seconds; the watchdog's silence
        // threshold is scaled with it (one driver tick is ~2.4 simulated hours here).
        var run = args(file, "--vpp.simulation.speed=86400", "--vpp.telemetry.offline-after=PT12H");
        try (var app = new SpringApplicationBuilder(VppApplication.class).run(run.toArray(String[]::new))) {
            GraphQl g = GraphQl.asAdmin(app);
            Instant registered = Instant.parse(GraphQl.value(g.ok("{ asset(id: \"portfolio\") { registeredAt } }"), "asset.registeredAt"));
            // The clock starts at the file's first hour; at this speed start-up itself takes about a simulated day.
            assertThat(registered).as("the simulated clock runs in the file's period")
                    .isBetween(FILE_START, FILE_START.plus(Duration.ofDays(3)));

            Map<String, Object> forecast = Awaitility.await("a price forecast").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> GraphQl.value(g.run("{ forecast(sourceId: \"price:DE-LU\") { origin model values { value } } }"), "forecast"),
                            java.util.Objects::nonNull);
            assertThat(forecast).as("a price forecast from the imported prices").isNotNull();
            assertThat(Instant.parse((String) forecast.get("origin")))
                    .as("trained on at least two daily folds and a day of the file, the least the process trains on")
                    .isAfterOrEqualTo(FILE_START.plus(Duration.ofDays(3)));
            assertThat((List<?>) forecast.get("values")).hasSize(96);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMalformedFileStopsTheStartNamingItsLinesWithoutAStackTrace(CapturedOutput output) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"),
                "timestamp,price\n2024-06-03T00:00:00Z,50\n2024-06-03T01:00:00Z,oops\n2024-06-03T01:00:00Z,40\n");
        assertThatThrownBy(() -> new SpringApplicationBuilder(VppApplication.class).run(args(file).toArray(String[]::new)))
                .rootCause().isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line()).containsExactly(3, 4));
        assertThat(output.getAll()).contains("vpp: " + file + ": line 3, column 2: unparsable value 'oops'")
                .contains("vpp: " + file + ": line 4, column 1: duplicate timestamp")
                .doesNotContain("at org.vpp.simulator.csv.CsvTimeSeriesImporter");
    }

    @Test
    void aDeviceFollowsItsSeriesFile() throws IOException {
        Path series = Files.createDirectory(dir.resolve("series"));
        Instant from = TestClock.START.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofDays(6));
        StringBuilder wind = new StringBuilder();
        for (int q = 0; q < 8 * 96; q++) wind.append(from.plus(Duration.ofMinutes(15L * q))).append(",2000\n");
        Files.writeString(series.resolve("site-003-wind-1.csv"), wind);
        List<String> run = new ArrayList<>(TestDatabase.applicationArguments());
        run.addAll(List.of("--server.port=0", "--vpp.simulation.devices=12", "--vpp.simulation.seed=7",
                "--vpp.simulation.series-dir=" + series, "--vpp.simulation.series-unit=KW",
                "--vpp.simulation.mean-time-to-failure=P3650D", "--vpp.forecast.enabled=false",
                "--vpp.simulation.start=" + TestClock.START));
        try (var app = new SpringApplicationBuilder(VppApplication.class).run(run.toArray(String[]::new))) {
            GraphQl g = GraphQl.asAdmin(app);
            Map<String, Object> reading = Awaitility.await("a reading of the wind device").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> GraphQl.value(g.ok("{ asset(id: \"site-003-wind-1\") { lastTelemetry { powerMw available } } }"), "asset.lastTelemetry"),
                            java.util.Objects::nonNull);
            assertThat(reading).containsEntry("available", true);
            // 2000 kW from the file, in MW, with the meter's noise (0.5 % of the 5.2 MW rating).
            assertThat(((Number) reading.get("powerMw")).doubleValue()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.2));
        }
    }

    @Test
    void aMalformedSeriesFileStopsTheStartNamingItsLines() throws IOException {
        Path series = Files.createDirectory(dir.resolve("bad-series"));
        Files.writeString(series.resolve("site-003-wind-1.csv"), "2024-06-03T00:00:00Z,1\n2024-06-03T00:15:00Z,lots\n");
        List<String> run = new ArrayList<>(TestDatabase.applicationArguments());
        run.addAll(List.of("--server.port=0", "--vpp.simulation.devices=12", "--vpp.simulation.seed=7",
                "--vpp.simulation.series-dir=" + series, "--vpp.forecast.enabled=false"));
        // Read when the demo world starts, so the error arrives as it is, not wrapped in a bean-creation failure.
        assertThatThrownBy(() -> new SpringApplicationBuilder(VppApplication.class).run(run.toArray(String[]::new)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line()).containsExactly(2));
    }
}
