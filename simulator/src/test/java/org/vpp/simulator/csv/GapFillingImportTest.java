package org.vpp.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vpp.simulator.series.Unit;

class GapFillingImportTest {

    private static final CsvFormat PRICES = CsvFormat.of(Unit.EUR_PER_MWH);

    @Test
    void aMissingRowAndAnEmptyValueAreInterpolatedAndFlagged() {
        CsvImport result = CsvTimeSeriesImporter.readString("""
                timestamp,price
                2025-03-01T00:00:00Z,10
                2025-03-01T01:00:00Z,20
                2025-03-01T03:00:00Z,40
                2025-03-01T04:00:00Z,n/a
                2025-03-01T05:00:00Z,60
                """, PRICES);

        assertThat(result.series().values()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(result.filled()).containsExactly(false, false, true, false, true, false);
        assertThat(result.notes()).contains(
                new ImportNote(4, "filled 1 missing slot(s) of PT1H from 2025-03-01T02:00:00Z by linear "
                        + "interpolation, between 2025-03-01T01:00:00Z (line 3) and 2025-03-01T03:00:00Z (line 4)"),
                new ImportNote(6, "filled 1 missing slot(s) of PT1H from 2025-03-01T04:00:00Z by linear "
                        + "interpolation, between 2025-03-01T03:00:00Z (line 4) and 2025-03-01T05:00:00Z (line 6)"));
    }

    @Test
    void threeMissingQuartersAreInterpolatedInEqualSteps() {
        CsvImport result = CsvTimeSeriesImporter.readString("""
                2025-03-01T00:00:00Z,0
                2025-03-01T00:15:00Z,
                2025-03-01T00:30:00Z,NaN
                2025-03-01T00:45:00Z,-
                2025-03-01T01:00:00Z,40
                """, PRICES);
        assertThat(result.series().values()).containsExactly(0, 10, 20, 30, 40);
        assertThat(result.filledCount()).isEqualTo(3);
    }

    @Test
    void missingValuesAtTheEdgesHoldTheNearestValue() {
        CsvImport result = CsvTimeSeriesImporter.readString("""
                2025-03-01T00:00:00Z,
                2025-03-01T01:00:00Z,20
                2025-03-01T02:00:00Z,30
                2025-03-01T03:00:00Z,n/a
                """, PRICES);
        assertThat(result.series().values()).containsExactly(20, 20, 30, 30);
        assertThat(result.filled()).containsExactly(true, false, false, true);
        assertThat(result.notes()).extracting(ImportNote::text)
                .anyMatch(text -> text.contains("by holding the nearest value, at the end, after 2025-03-01T02:00:00Z"));
    }

    @Test
    void aGapLongerThanTheMaximumIsRefusedNamingTheLinesOnBothSides() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter.readString("""
                timestamp,price
                2025-03-01T00:00:00Z,10
                2025-03-01T01:00:00Z,20
                2025-03-01T05:00:00Z,60
                2025-03-01T06:00:00Z,70
                """, PRICES));

        assertThat(e.problems()).containsExactly(new CsvProblem(4, 0, "gap of 3 h between 2025-03-01T01:00:00Z "
                + "(line 3) and 2025-03-01T05:00:00Z (line 4), above the 1 h that may be filled"));
        assertThat(e.refusalLines(5)).containsExactly("text: line 4: gap of 3 h between 2025-03-01T01:00:00Z "
                + "(line 3) and 2025-03-01T05:00:00Z (line 4), above the 1 h that may be filled");
    }

    @Test
    void theSameGapIsFilledWhenTheMaximumAllowsIt() {
        CsvImport result = CsvTimeSeriesImporter.readString(
                "2025-03-01T00:00:00Z,10\n2025-03-01T01:00:00Z,20\n2025-03-01T05:00:00Z,60\n",
                PRICES.withMaxFill(Duration.ofHours(3)));
        assertThat(result.series().values()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(result.series().timeAt(5)).isEqualTo(Instant.parse("2025-03-01T05:00:00Z"));
    }

    @Test
    void aMalformedValueIsAProblemNotAGap() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter.readString(
                "2025-03-01T00:00:00Z,10\n2025-03-01T01:00:00Z,twenty\n2025-03-01T02:00:00Z,30\n", PRICES));
        assertThat(e.problems()).containsExactly(new CsvProblem(2, 2, "unparsable value 'twenty'"));
    }

    @Test
    void aFileWithoutAnyValueIsRefused() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter.readString(
                "2025-03-01T00:00:00Z,\n2025-03-01T01:00:00Z,n/a\n", PRICES));
        assertThat(e.problems()).containsExactly(new CsvProblem(0, 0, "no row has a value"));
    }

    @Test
    void refusalsListTheFirstProblemsThenHowManyMore() {
        StringBuilder csv = new StringBuilder();
        for (int hour = 0; hour < 6; hour++) {
            csv.append("2025-03-01T0").append(hour).append(":00:00Z,x\n");
        }
        CsvImportException e = catchThrowableOfType(CsvImportException.class,
                () -> CsvTimeSeriesImporter.readString(csv.toString(), PRICES));
        assertThat(e.refusalLines(2)).containsExactly("text: line 1, column 2: unparsable value 'x'",
                "text: line 2, column 2: unparsable value 'x'", "\u2026 and 4 more");
    }
}
