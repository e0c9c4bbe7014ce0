package org.vpp.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.Unit;

class CsvTimeSeriesImporterTest {

    private static Path resource(String name) {
        try {
            return Path.of(CsvTimeSeriesImporterTest.class.getResource("/csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsAnIsoPriceSeriesWithHeader() {
        TimeSeries prices = CsvTimeSeriesImporter.importFile(resource("prices-iso.csv"), CsvFormat.of(Unit.EUR_PER_MWH));
        assertThat(prices.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(prices.step()).isEqualTo(Duration.ofHours(1));
        assertThat(prices.values()).containsExactly(82.10, 79.5, -3.2, 75);
    }

    @Test
    void importsEpochSecondsWithSemicolonsAndDecimalCommasConvertingCentsPerKwh() {
        CsvFormat format = CsvFormat.of(Unit.CT_PER_KWH).withSeparator(';').withDecimalComma(true)
                .withTimestampFormat(TimestampFormat.EPOCH_SECONDS);
        TimeSeries prices = CsvTimeSeriesImporter.importFile(resource("prices-epoch-semicolon-ct.csv"), format);
        assertThat(prices.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(prices.step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(prices.valueAt(0)).isCloseTo(82.1, within(1e-9));
        assertThat(prices.valueAt(2)).isCloseTo(-3.2, within(1e-9));
    }

    @Test
    void importsKilowattsWithOffsetsAndNoHeaderAsMegawatts() {
        TimeSeries power = CsvTimeSeriesImporter.importFile(resource("power-kw-offset-noheader.csv"),
                CsvFormat.of(Unit.KW));
        assertThat(power.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(power.values()).containsExactly(1.5, 1.2505, 0.0);
    }

    @Test
    void readsLocalTimesInTheConfiguredZoneThroughTheAutumnClockChange() {
        CsvFormat format = CsvFormat.of(Unit.EUR_PER_MWH).withSeparator(';')
                .withLocalZone(ZoneId.of("Europe/Berlin"));
        TimeSeries prices = CsvTimeSeriesImporter.importFile(resource("prices-local-autumn.csv"), format);
        // 01:00 CEST = 23:00Z; the repeated 02:00 is first CEST (00:00Z) then CET (01:00Z).
        assertThat(prices.start()).isEqualTo(Instant.parse("2025-10-25T23:00:00Z"));
        assertThat(prices.step()).isEqualTo(Duration.ofHours(1));
        assertThat(prices.values()).containsExactly(60, 55, 54, 50);
    }

    @Test
    void localTimesWithoutAConfiguredZoneAreRefusedWithTheirLine() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importFile(resource("prices-local-autumn.csv"), CsvFormat.of(Unit.EUR_PER_MWH).withSeparator(';')));
        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.reason()).contains("no offset");
        });
    }

    @Test
    void controlCharactersAreRefusedWithTheirLineNotTrimmedAway() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importString("2025-03-01T00:00:00Z,1\r\n2025-03-01T01:00:00Z,2\u0000\n2025-03-01T02:00:00Z\u001b,3\n",
                        CsvFormat.of(Unit.MW)));
        assertThat(e.problems()).contains(new CsvProblem(2, 0, "control character U+0000 at position 23"),
                new CsvProblem(3, 0, "control character U+001B at position 21"));
        // a tab separator and Windows line ends are not control characters of the content
        assertThat(CsvTimeSeriesImporter.importString("2025-03-01T00:00:00Z\t1\r\n2025-03-01T01:00:00Z\t2\r\n",
                CsvFormat.of(Unit.MW).withSeparator('\t')).values()).containsExactly(1, 2);
    }

    @Test
    void aMalformedFileReportsEveryProblemWithItsLineNumber() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importFile(resource("prices-malformed.csv"), CsvFormat.of(Unit.EUR_PER_MWH)));

        assertThat(e.problems()).extracting(CsvProblem::line).containsExactly(3, 4, 7, 8, 9, 11, 12);
        assertThat(e.problems().get(0)).isEqualTo(new CsvProblem(3, 2, "unparsable value 'abc'"));
        assertThat(e.problems().get(1).reason()).startsWith("unparsable timestamp 'yesterday'");
        assertThat(e.problems().get(1).column()).isEqualTo(1);
        assertThat(e.problems().get(2).reason()).isEqualTo("duplicate timestamp 2025-03-01T04:00:00Z (first on line 6)");
        assertThat(e.problems().get(3).reason())
                .isEqualTo("gap of 2 h between 2025-03-01T04:00:00Z (line 6) and 2025-03-01T07:00:00Z (line 8), "
                        + "above the 1 h that may be filled");
        assertThat(e.problems().get(4).reason()).startsWith("time goes backwards");
        assertThat(e.problems().get(5).reason()).startsWith("irregular step: PT20M");
        assertThat(e.problems().get(6).reason()).contains("expected at least 2 columns");
        assertThat(e.getMessage()).contains("line 3, column 2: unparsable value 'abc'");
    }

    @Test
    void collectsNoMoreProblemsThanTheCap() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importFile(resource("prices-malformed.csv"), CsvFormat.of(Unit.EUR_PER_MWH).withMaxProblems(2)));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.truncated()).isTrue();
    }

    @Test
    void aFileWithoutDataRowsIsRefused() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importFile(resource("header-only.csv"), CsvFormat.of(Unit.EUR_PER_MWH)));
        assertThat(e.problems()).containsExactly(new CsvProblem(0, 0, "file has no data rows"));
        assertThat(catchThrowableOfType(CsvImportException.class,
                () -> CsvTimeSeriesImporter.importString("", CsvFormat.of(Unit.MW))).problems()).hasSize(1);
    }

    @Test
    void aDecimalCommaWithoutTheOptionGetsAHint() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .importString("0;\"1,5\"\n3600;2\n", CsvFormat.of(Unit.MW).withSeparator(';')));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("decimal comma"));
    }
}
