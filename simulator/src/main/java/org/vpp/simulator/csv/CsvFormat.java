package org.vpp.simulator.csv;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.vpp.simulator.series.Unit;

/**
 * How to read a (timestamp, value) file. {@code localZone} interprets timestamps without offset and may be absent
 * when the file always carries offsets; {@code expectedStep}, if absent, is taken from the first two rows.
 * {@code decimalComma} reads "12,5" as 12.5 (only sensible with a separator other than the comma).
 */
public record CsvFormat(
        char separator,
        HeaderPolicy header,
        TimestampFormat timestampFormat,
        Optional<ZoneId> localZone,
        Unit unit,
        boolean decimalComma,
        Optional<Duration> expectedStep,
        int timestampColumn,
        int valueColumn,
        int maxProblems) {

    public CsvFormat {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(localZone, "localZone");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(expectedStep, "expectedStep");
        if (decimalComma && separator == ',') {
            throw new IllegalArgumentException("a decimal comma needs a separator other than ','");
        }
        if (timestampColumn < 0 || valueColumn < 0 || timestampColumn == valueColumn) {
            throw new IllegalArgumentException("timestamp and value columns must be distinct and >= 0");
        }
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be >= 1");
        }
        expectedStep.ifPresent(step -> {
            if (step.isZero() || step.isNegative()) {
                throw new IllegalArgumentException("expected step must be positive");
            }
        });
    }

    /** Comma-separated, header detected, ISO or epoch timestamps, first two columns, up to 50 problems reported. */
    public static CsvFormat of(Unit unit) {
        return new CsvFormat(',', HeaderPolicy.DETECT, TimestampFormat.AUTO, Optional.empty(), unit, false,
                Optional.empty(), 0, 1, 50);
    }

    public CsvFormat withSeparator(char newSeparator) {
        return new CsvFormat(newSeparator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withHeader(HeaderPolicy newHeader) {
        return new CsvFormat(separator, newHeader, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withTimestampFormat(TimestampFormat newFormat) {
        return new CsvFormat(separator, header, newFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withLocalZone(ZoneId zone) {
        return new CsvFormat(separator, header, timestampFormat, Optional.of(zone), unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withDecimalComma(boolean newDecimalComma) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, newDecimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withExpectedStep(Duration step) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, Optional.of(step),
                timestampColumn, valueColumn, maxProblems);
    }

    public CsvFormat withColumns(int newTimestampColumn, int newValueColumn) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                newTimestampColumn, newValueColumn, maxProblems);
    }

    public CsvFormat withMaxProblems(int newMaxProblems) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, newMaxProblems);
    }
}
