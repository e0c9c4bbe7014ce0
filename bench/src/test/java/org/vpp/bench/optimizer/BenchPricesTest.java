package org.vpp.bench.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.bench.Refusal;
import org.vpp.bench.csv.CsvOptions;

class BenchPricesTest {

    @TempDir
    Path dir;

    /**
     * Hourly prices in UTC from 2024-03-14T01:00Z to 2024-03-17T00:00Z; the price is the hour of the day plus 100
     * times the day of the month, so each value names its hour. In Berlin (+01:00) 14 March began at 23:00Z the day
     * before, so the first complete local day is 15 March: 14 March 23:00Z to 15 March 23:00Z.
     */
    private Path hourlyFile() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,price\n");
        for (int day = 14; day <= 16; day++) {
            for (int hour = day == 14 ? 1 : 0; hour < 24; hour++) {
                csv.append(String.format("2024-03-%02dT%02d:00:00Z,%d%n", day, hour, 100 * day + hour));
            }
        }
        return Files.writeString(dir.resolve("hourly.csv"), csv);
    }

    @Test
    void anHourlyFileGivesTheFirstCompleteLocalDayAsQuarterHoursHoldingEachHoursPrice() throws IOException {
        BenchPrices.CsvDay day = BenchPrices.fromCsv(hourlyFile(), CsvOptions.DEFAULTS, Optional.empty());

        assertThat(day.day()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(day.prices()).hasSize(96);
        // Local midnight of 15 March is 14 March 23:00Z (price 1423), then 15 March 00:00Z (1500) ...
        assertThat(day.prices().subList(0, 8)).containsExactly(1423.0, 1423.0, 1423.0, 1423.0,
                1500.0, 1500.0, 1500.0, 1500.0);
        assertThat(day.prices().subList(92, 96)).containsExactly(1522.0, 1522.0, 1522.0, 1522.0);
        assertThat(day.report()).contains("hourly.csv: resampled from PT1H to PT15M: EUR/MWh held over slots of PT15M",
                "hourly.csv: the day 2024-03-15 (Europe/Berlin), 96 quarter-hours from 2024-03-14T23:00:00Z");
    }

    @Test
    void aGivenDayIsTakenWhenTheFileCoversIt() throws IOException {
        BenchPrices.CsvDay day = BenchPrices.fromCsv(hourlyFile(), CsvOptions.DEFAULTS,
                Optional.of(LocalDate.of(2024, 3, 16)));
        assertThat(day.prices().getFirst()).isEqualTo(1523.0);
        assertThat(day.prices().getLast()).isEqualTo(1622.0);
    }

    @Test
    void aDayTheFileDoesNotFullyCoverIsRefused() throws IOException {
        Path file = hourlyFile();
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> BenchPrices.fromCsv(file, CsvOptions.DEFAULTS, Optional.of(LocalDate.of(2024, 3, 14))));
        assertThat(Refusal.lines(refusal)).containsExactly("vpp: " + file + ": 2024-03-14 is not fully covered: "
                + "the file covers 2024-03-14T01:00:00Z to 2024-03-17T00:00:00Z");
        Refusal clockChange = catchThrowableOfType(Refusal.class,
                () -> BenchPrices.fromCsv(file, CsvOptions.DEFAULTS, Optional.of(LocalDate.of(2024, 3, 31))));
        assertThat(clockChange.getMessage()).contains("has 92 quarter-hours");
    }

    @Test
    void optionsOtherThanQuarterHoursAreRefusedForTheOptimizer() throws IOException {
        Path file = hourlyFile();
        CsvOptions hourly = CsvOptions.parse(List.of("--step", "PT1H")).options();
        assertThat(catchThrowableOfType(Refusal.class, () -> BenchPrices.fromCsv(file, hourly, Optional.empty()))
                .getMessage()).contains("plans quarter-hours");
        assertThat(catchThrowableOfType(Refusal.class, () -> BenchPrices.day("15.03.2024")).getMessage())
                .isEqualTo("--day: '15.03.2024' is not a date such as 2024-03-15");
    }
}
