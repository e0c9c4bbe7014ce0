package org.vpp.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.series.Unit;

/** Files as German exports write them: ';', decimal commas, dotted thousands, dd.MM.yyyy dates, local time. */
class GermanExportImportTest {

    private static final CsvFormat GERMAN = CsvFormat.of(Unit.EUR_PER_MWH).withSeparator(';').withDecimalComma(true)
            .withLocalZone(ZoneId.of("Europe/Berlin"));
    // 01.01.2024 00:00 in Berlin (CET, +01:00).
    private static final Instant NEW_YEAR = Instant.parse("2023-12-31T23:00:00Z");

    @Test
    void readsSmardsDateAndTimeColumns() {
        TimeSeries prices = CsvTimeSeriesImporter.importString("""
                Datum;Anfang;Ende;Deutschland/Luxemburg [€/MWh] Originalauflösungen
                01.01.2024;00:00;01:00;12,5
                01.01.2024;01:00;02:00;-3,25
                01.01.2024;02:00;03:00;1.234,50
                01.01.2024;03:00;04:00;-
                01.01.2024;04:00;05:00;0,5
                """, GERMAN.withDateAndTimeColumns(0, 1, 3));
        assertThat(prices.start()).isEqualTo(NEW_YEAR);
        assertThat(prices.values()).containsExactly(12.5, -3.25, 1234.5, 617.5, 0.5);
    }

    @Test
    void readsDateAndTimeInOneColumn() {
        TimeSeries prices = CsvTimeSeriesImporter.importString("""
                Datum von;Datum bis;Preis
                01.01.2024 00:00;01.01.2024 01:00;12,5
                01.01.2024 01:00;01.01.2024 02:00;13
                """, GERMAN.withColumns(0, 2));
        assertThat(prices.start()).isEqualTo(NEW_YEAR);
        assertThat(prices.values()).containsExactly(12.5, 13);
    }

    @Test
    void readsIsoDatesWithSemicolonsAndDecimalCommas() {
        TimeSeries prices = CsvTimeSeriesImporter.importString("2024-01-01 00:00;12,5\n2024-01-01 01:00;7,25\n", GERMAN);
        assertThat(prices.start()).isEqualTo(NEW_YEAR);
        assertThat(prices.values()).containsExactly(12.5, 7.25);
    }

    @Test
    void readsEntsoeRangesAndOpsdCompactOffsets() {
        TimeSeries entsoe = CsvTimeSeriesImporter.importString("""
                "MTU (CET/CEST)","Day-ahead Price [EUR/MWh]"
                "01.01.2024 00:00 - 01.01.2024 01:00","39.5"
                "01.01.2024 01:00 - 01.01.2024 02:00","N/A"
                "01.01.2024 02:00 - 01.01.2024 03:00","41.5"
                """, CsvFormat.of(Unit.EUR_PER_MWH).withLocalZone(ZoneId.of("Europe/Berlin")));
        assertThat(entsoe.start()).isEqualTo(NEW_YEAR);
        assertThat(entsoe.values()).containsExactly(39.5, 40.5, 41.5);

        TimeSeries opsd = CsvTimeSeriesImporter.importString(
                "cet_cest_timestamp,price\n2015-01-01T01:00:00+0100,25\n2015-01-01T02:00:00+0100,26\n",
                CsvFormat.of(Unit.EUR_PER_MWH));
        assertThat(opsd.start()).isEqualTo(Instant.parse("2015-01-01T00:00:00Z"));
    }
}
