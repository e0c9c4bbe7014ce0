package org.vpp.simulator.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vpp.simulator.series.Unit;

/** An hourly file delivered as quarter-hours (or the other way round) by the importer itself. */
class TargetStepImportTest {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final String HOURLY = """
            timestamp,value
            2025-03-01T00:00:00Z,80
            2025-03-01T01:00:00Z,
            2025-03-01T02:00:00Z,-4
            """;

    @Test
    void hourlyPricesAreHeldOverTheirQuarterHours() {
        CsvImport result = CsvTimeSeriesImporter.readString(HOURLY, CsvFormat.of(Unit.EUR_PER_MWH)
                .withTargetStep(QUARTER));

        assertThat(result.series().start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(result.series().step()).isEqualTo(QUARTER);
        assertThat(result.series().values()).containsExactly(80, 80, 80, 80, 38, 38, 38, 38, -4, -4, -4, -4);
        // The filled hour is four filled quarters.
        assertThat(result.filled()).containsExactly(false, false, false, false, true, true, true, true,
                false, false, false, false);
        assertThat(result.notes()).last().isEqualTo(
                new ImportNote(0, "resampled from PT1H to PT15M: EUR/MWh held over slots of PT15M"));
    }

    @Test
    void hourlyEnergyInKilowattHoursIsSpreadOverItsQuarterHoursInMegawattHours() {
        var energy = CsvTimeSeriesImporter.importString("2025-03-01T00:00:00Z,400\n2025-03-01T01:00:00Z,200\n",
                CsvFormat.of(Unit.KWH).withTargetStep(QUARTER));
        assertThat(energy.values()).containsExactly(0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05);
    }

    @Test
    void aTargetStepThatIsNoWholeMultipleRefusesTheFile() {
        CsvImportException e = catchThrowableOfType(CsvImportException.class, () -> CsvTimeSeriesImporter
                .readString(HOURLY, CsvFormat.of(Unit.EUR_PER_MWH).withTargetStep(Duration.ofMinutes(40))));
        assertThat(e.refusalLines(10)).containsExactly(
                "text: cannot resample from PT1H to PT40M: one must be a whole multiple of the other");
    }
}
