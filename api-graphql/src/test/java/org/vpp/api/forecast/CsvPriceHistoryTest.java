package org.vpp.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvImportException;
import org.vpp.simulator.series.Unit;

class CsvPriceHistoryTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void hourlyPricesInCentsPerKwhBecomeFourQuarterHoursInEurPerMwh() throws IOException {
        var history = CsvPriceHistory.load(csv("""
                timestamp;price
                2024-03-01T00:00:00Z;8.5
                2024-03-01T01:00:00Z;-0.2
                2024-03-01T02:00:00Z;12
                """), CsvFormat.of(Unit.CT_PER_KWH).withSeparator(';').withLocalZone(ZoneId.of("Europe/Berlin")));
        var prices = history.prices("DE-LU", Instant.parse("2024-03-01T00:30:00Z"), Instant.parse("2024-03-01T02:15:00Z"));
        assertThat(prices.values()).containsExactly(85, 85, -2, -2, -2, -2, 120);
        assertThat(history.coveredFrom()).contains(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(history.coveredUntil()).contains(Instant.parse("2024-03-01T03:00:00Z"));
    }

    @Test
    void asksOutsideTheImportedPeriodAreRefusedWithTheCoverage() throws IOException {
        var history = CsvPriceHistory.load(csv("2024-03-01T00:00:00Z,50\n2024-03-01T01:00:00Z,60\n"),
                CsvFormat.of(Unit.EUR_PER_MWH));
        assertThatThrownBy(() -> history.prices("DE-LU", Instant.parse("2024-03-01T01:00:00Z"), Instant.parse("2024-03-01T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cover [2024-03-01T00:00:00Z, 2024-03-01T02:00:00Z)");
    }

    @Test
    void aMalformedFileIsRefusedAtStartWithItsLinesNamed() throws IOException {
        Path file = csv("2024-03-01T00:00:00Z,50\nyesterday,60\n2024-03-01T02:00:00Z,abc\n");
        assertThatThrownBy(() -> CsvPriceHistory.load(file, CsvFormat.of(Unit.EUR_PER_MWH)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line()).contains(2, 3));
    }

    @Test
    void germanPricesWithAMissingHourAreFilledWithTheConfiguredOptions() throws IOException {
        var properties = new PricesProperties(null, null, ';', ZoneId.of("Europe/Berlin"), true, null);
        var history = CsvPriceHistory.load(csv("""
                Zeit;Preis
                2024-03-01 00:00;10,5
                2024-03-01 01:00;n/a
                2024-03-01 02:00;12,5
                """), properties.format());
        var prices = history.prices("DE-LU", Instant.parse("2024-02-29T23:45:00Z"), Instant.parse("2024-03-01T00:15:00Z"));
        assertThat(prices.values()).containsExactly(10.5, 11.5);
    }
}
