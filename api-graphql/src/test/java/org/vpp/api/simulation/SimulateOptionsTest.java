package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.simulator.csv.CsvImportException;

/** The simulate command line: defaults, and every refusal naming its flag before anything runs. */
class SimulateOptionsTest {

    @Test
    void defaultsAreOneDayOfAHundredDevices() {
        SimulateOptions o = SimulateOptions.parse(List.of());
        assertThat(o.days()).isEqualTo(1);
        assertThat(o.devices()).isEqualTo(100);
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.firstDay()).isEqualTo(SimulateOptions.DEFAULT_FIRST_DAY);
        assertThat(o.forecast()).isEqualTo("trained");
        assertThat(o.historyDays()).as("the application's training window").isEqualTo(28);
        SimulateOptions given = SimulateOptions.parse(List.of("--days", "3", "--devices=500", "--seed", "1", "--start", "2025-01-07",
                "--forecast", "naive", "--history-days", "7"));
        assertThat(given).extracting(SimulateOptions::days, SimulateOptions::devices, SimulateOptions::seed, SimulateOptions::firstDay,
                SimulateOptions::forecast, SimulateOptions::historyDays).containsExactly(3, 500, 1L, LocalDate.of(2025, 1, 7), "naive", 7);
    }

    @Test
    void badFlagsAreRefusedNamingTheFlag() {
        refused(List.of("--days", "0"), "--days: must be between 1 and 31");
        refused(List.of("--devices", "1e9"), "--devices: must be a whole number");
        refused(List.of("--devices", "2147483647"), "--devices: must be between 1 and 10000");
        refused(List.of("--seed", "x"), "--seed: must be a whole number");
        refused(List.of("--start", "0000-01-01"), "--start: must be between 2000-01-01 and 2099-12-31");
        refused(List.of("--start", "tomorrow"), "--start: must be a date");
        refused(List.of("--forecast", "psychic"), "--forecast: must be trained or naive");
        refused(List.of("--colour", "red"), "--colour: unknown flag");
        refused(List.of("--days"), "--days: needs a value");
        refused(List.of("--days", "1", "--days", "2"), "--days: given twice");
        refused(List.of("--prices", "/no/such/file.csv"), "--prices: no readable file");
        refused(List.of("--out", "a\u0007b"), "--out: must not contain control characters");
        refused(List.of("days"), "days: is not a flag");
        refused(List.of("--database-url", "mysql://x"), "--database-url: must be a jdbc:postgresql:// URL");
        refused(List.of("--history-days", "4"), "--history-days: must be between 5 and 90, got 4");
        refused(List.of("--history-days", "-99999999999"), "--history-days: must be a whole number between 5 and 90");
    }

    @Test
    void aMalformedCsvIsRefusedWithItsLineNumberBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.csv");
        Files.writeString(prices, "timestamp,value\n2026-06-15T00:00:00Z,80.5\n2026-06-15T00:15:00Z,eighty\n2026-06-15T00:30:00Z,81\n");
        SimulateOptions o = SimulateOptions.parse(List.of("--prices", prices.toString()));
        assertThatThrownBy(() -> Simulate.checkFiles(o)).isInstanceOf(CsvImportException.class)
                .hasMessageContaining("--prices").hasMessageContaining("line 3");
    }

    @Test
    void aFileThatDoesNotCoverTheRunIsRefusedNamingItsFlagAndBothPeriods(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.csv");
        StringBuilder oneDay = new StringBuilder("timestamp,value\n");
        for (int q = 0; q < 96; q++) {
            oneDay.append(java.time.Instant.parse("2026-06-16T00:00:00Z").plusSeconds(900L * q)).append(',').append(60 + q % 7).append('\n');
        }
        Files.writeString(prices, oneDay);
        SimulateOptions o = SimulateOptions.parse(List.of("--prices", prices.toString(), "--history-days", "5"));
        assertThatThrownBy(() -> Simulate.checkFiles(o)).isInstanceOf(SimulateOptions.Refused.class)
                .hasMessageStartingWith("--prices: ").hasMessageContaining("covers 2026-06-16T00:00:00Z")
                .hasMessageContaining("the run needs 2026-06-09T22:00:00Z to 2026-06-17T22:00:00Z (5 days of history");
        assertThatThrownBy(() -> Simulate.checkFiles(SimulateOptions.parse(List.of("--prices", prices.toString()))))
                .hasMessageContaining("the run needs 2026-05-17T22:00:00Z to 2026-06-17T22:00:00Z (28 days of history");
    }

    @Test
    void theRunsApplicationForecastsTheWeatherOfItsOwnWorldAndDrawsItsImbalancePricesFromTheSameSeed() {
        assertThat(Simulate.applicationArguments(SimulateOptions.parse(List.of("--seed", "7"))))
                .contains("--vpp.simulation.enabled=false", "--vpp.simulation.seed=7", "--vpp.simulation.weather-forecasts=true");
    }

    private static void refused(List<String> args, String message) {
        assertThatThrownBy(() -> SimulateOptions.parse(args)).as("%s", args).isInstanceOf(SimulateOptions.Refused.class)
                .hasMessageStartingWith(message);
    }
}
