package org.vpp.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vpp.simulator.series.Unit;

/**
 * A year of local time in Europe/Berlin, 2024: the clocks went forward on 31 March (02:00 to 03:00) and back on 27
 * October (03:00 to 02:00). 2024 has 366 days, so the year holds 366 * 24 = 8784 hours whatever the clocks do.
 */
class DaylightSavingImportTest {

    private static final CsvFormat BERLIN = CsvFormat.of(Unit.EUR_PER_MWH).withSeparator(';')
            .withLocalZone(ZoneId.of("Europe/Berlin"));
    private static final LocalDate SPRING = LocalDate.of(2024, Month.MARCH, 31);
    private static final LocalDate AUTUMN = LocalDate.of(2024, Month.OCTOBER, 27);
    // Local midnight of 1 January is 23:00Z the day before (CET, +01:00).
    private static final Instant FIRST = Instant.parse("2023-12-31T23:00:00Z");

    /**
     * The year as a wall clock writes it, {@code perHour} rows an hour, the row number as the value: hour 2 of the
     * spring day absent (or written anyway) and hour 2 of the autumn day written twice (or once).
     */
    private static String localYear(int perHour, boolean nonexistentWritten, boolean repeatedTwice) {
        StringBuilder csv = new StringBuilder("time;price\n");
        int row = 0;
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            for (int hour = 0; hour < 24; hour++) {
                boolean skipped = day.equals(SPRING) && hour == 2 && !nonexistentWritten;
                int passes = day.equals(AUTUMN) && hour == 2 && repeatedTwice ? 2 : skipped ? 0 : 1;
                for (int pass = 0; pass < passes; pass++) {
                    for (int part = 0; part < perHour; part++) {
                        csv.append(String.format("%s %02d:%02d;%d%n", day, hour, part * 60 / perHour, row++));
                    }
                }
            }
        }
        return csv.toString();
    }

    private static double[] rowNumbers(int count) {
        return java.util.stream.IntStream.range(0, count).asDoubleStream().toArray();
    }

    @Test
    void anHourlyLocalYearAcrossBothClockChangesHasEveryHourOnce() {
        CsvImport result = CsvTimeSeriesImporter.readString(localYear(1, false, true), BERLIN);

        assertThat(result.series().start()).isEqualTo(FIRST);
        assertThat(result.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(result.series().size()).isEqualTo(8784);
        // Every row lands on its own hour, in file order: the value (the row number) is the slot.
        assertThat(result.series().values()).isEqualTo(rowNumbers(8784));
        // 02:00 local on 27 October: first 00:00Z (CEST), then 01:00Z (CET); 01:00 CEST before is 23:00Z.
        double firstPass = result.series().valueAt(Instant.parse("2024-10-27T00:00:00Z"));
        assertThat(result.series().valueAt(Instant.parse("2024-10-27T01:00:00Z"))).isEqualTo(firstPass + 1);
        assertThat(result.filledCount()).isZero();
        assertThat(result.notes()).extracting(ImportNote::text)
                .anyMatch(text -> text.startsWith("1 repeated local time(s) of 2024-10-27")
                        && text.contains("offset +01:00"))
                .noneMatch(text -> text.contains("dropped") || text.startsWith("filled"));
    }

    @Test
    void aQuarterHourlyLocalYearAcrossBothClockChangesHasEveryQuarterOnce() {
        CsvImport result = CsvTimeSeriesImporter.readString(localYear(4, false, true), BERLIN);

        assertThat(result.series().start()).isEqualTo(FIRST);
        assertThat(result.series().step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(result.series().size()).isEqualTo(8784 * 4);
        assertThat(result.series().values()).isEqualTo(rowNumbers(8784 * 4));
        // In spring 01:45 CET (00:45Z) is followed by 03:00 CEST (01:00Z).
        assertThat(result.series().valueAt(Instant.parse("2024-03-31T01:00:00Z")))
                .isEqualTo(result.series().valueAt(Instant.parse("2024-03-31T00:45:00Z")) + 1);
        assertThat(result.notes()).extracting(ImportNote::text)
                .anyMatch(text -> text.startsWith("4 repeated local time(s) of 2024-10-27"));
    }

    @Test
    void localTimesThatDoNotExistAreDroppedAndReported() {
        CsvImport result = CsvTimeSeriesImporter.readString(localYear(4, true, true), BERLIN);

        // The four quarters 02:00-02:45 of 31 March were written but never happened: the year is still whole.
        assertThat(result.series().size()).isEqualTo(8784 * 4);
        // Rows are lines - 1 (header); the 31 March is day 91 of the year: 90 whole days, then 8 quarters before 02:00.
        int firstDroppedLine = 90 * 96 + 8 + 2;
        assertThat(result.notes()).contains(new ImportNote(firstDroppedLine, "4 local time(s) of 2024-03-31 that do "
                + "not exist in Europe/Berlin (the clocks went forward) dropped, lines " + firstDroppedLine + "\u2013"
                + (firstDroppedLine + 3)));
        assertThat(result.filledCount()).isZero();
    }

    @Test
    void aRepeatedHourWrittenOnceLeavesAnHourThatIsFilledAsAGap() {
        CsvImport hourly = CsvTimeSeriesImporter.readString(localYear(1, false, false), BERLIN);
        CsvImport quarters = CsvTimeSeriesImporter.readString(localYear(4, false, false), BERLIN);

        // 02:00 written once is read as CEST (00:00Z); 03:00 CET is 02:00Z; the hour 01:00Z is missing and filled.
        assertThat(hourly.series().size()).isEqualTo(8784);
        int missing = hourly.series().indexOf(Instant.parse("2024-10-27T01:00:00Z")).orElseThrow();
        assertThat(hourly.filledCount()).isEqualTo(1);
        assertThat(hourly.isFilled(missing)).isTrue();
        assertThat(hourly.series().valueAt(missing)).isEqualTo(missing - 0.5);
        assertThat(hourly.notes()).extracting(ImportNote::text).anyMatch(text -> text.startsWith("filled 1 missing"));

        assertThat(quarters.series().size()).isEqualTo(8784 * 4);
        assertThat(quarters.filledCount()).isEqualTo(4);
        assertThat(quarters.isFilled(quarters.series().indexOf(Instant.parse("2024-10-27T01:45:00Z")).orElseThrow()))
                .isTrue();
    }

    @Test
    void withoutFillingTheRepeatedHourWrittenOnceIsRefusedAsAGap() {
        CsvImportException e = org.assertj.core.api.Assertions.catchThrowableOfType(CsvImportException.class,
                () -> CsvTimeSeriesImporter.readString(localYear(1, false, false), BERLIN.withMaxFill(Duration.ZERO)));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("gap of 1 h between 2024-10-27T00:00:00Z").endsWith("and gap filling is off"));
    }
}
