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
                """), Unit.CT_PER_KWH, ';', ZoneId.of("Europe/Berlin"));
        var prices = history.prices("DE-LU", Instant.parse("2024-03-01T00:30:00Z"), Instant.parse("2024-03-01T02:15:00Z"));
        assertThat(prices.values()).containsExactly(85, 85, -2, -2, -2, -2, 120);
        assertThat(history.coveredFrom()).contains(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(history.coveredUntil()).contains(Instant.parse("2024-03-01T03:00:00Z"));
    }

    @Test
    void asksOutsideTheImportedPeriodAreRefusedWithTheCoverage() throws IOException {
        var history = CsvPriceHistory.load(csv("2024-03-01T00:00:00Z,50\n2024-03-01T01:00:00Z,60\n"), Unit.EUR_PER_MWH, ',',
                ZoneId.of("UTC"));
        assertThatThrownBy(() -> history.prices("DE-LU", Instant.parse("2024-03-01T01:00:00Z"), Instant.parse("2024-03-01T03:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cover [2024-03-01T00:00:00Z, 2024-03-01T02:00:00Z)");
    }

    @Test
    void aMalformedFileIsRefusedAtStartWithItsLinesNamed() throws IOException {
        Path file = csv("2024-03-01T00:00:00Z,50\nyesterday,60\n2024-03-01T02:00:00Z,abc\n");
        assertThatThrownBy(() -> CsvPriceHistory.load(file, Unit.EUR_PER_MWH, ',', ZoneId.of("UTC")))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line()).contains(2, 3));
    }
}
