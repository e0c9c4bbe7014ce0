package org.vpp.simulator.csv;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.vpp.simulator.series.Unit;

/**
 * How to read a (timestamp, value) file. {@code localZone} interprets timestamps without offset and may be absent
 * when the file always carries offsets; {@code expectedStep}, if absent, is taken from the first two rows.
 * {@code decimalComma} reads "12,5" as 12.5 (only sensible with a separator other than the comma). {@code dateColumn},
 * if present, holds the date while {@code timestampColumn} holds the time of day. Runs of missing slots up to
 * {@code maxFill} are interpolated; {@code targetStep}, if present, is the step the series is resampled to.
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
        int maxProblems,
        OptionalInt dateColumn,
        Duration maxFill,
        Optional<Duration> targetStep) {

    /** An hour: a missing hour in an hourly file, or the autumn's repeated hour written once, is filled. */
    public static final Duration DEFAULT_MAX_FILL = Duration.ofHours(1);

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
        Objects.requireNonNull(dateColumn, "dateColumn");
        Objects.requireNonNull(maxFill, "maxFill");
        Objects.requireNonNull(targetStep, "targetStep");
        expectedStep.ifPresent(step -> requirePositive(step, "expected step"));
        targetStep.ifPresent(step -> requirePositive(step, "target step"));
        if (maxFill.isNegative()) {
            throw new IllegalArgumentException("maxFill must not be negative");
        }
        if (dateColumn.isPresent() && (dateColumn.getAsInt() < 0 || dateColumn.getAsInt() == timestampColumn
                || dateColumn.getAsInt() == valueColumn)) {
            throw new IllegalArgumentException("the date column must be >= 0 and apart from the time and value columns");
        }
    }

    private static void requirePositive(Duration step, String name) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * Comma-separated, header detected, ISO or epoch timestamps, first two columns, up to 50 problems reported,
     * gaps of up to an hour filled, the file's own step kept.
     */
    public static CsvFormat of(Unit unit) {
        return new CsvFormat(',', HeaderPolicy.DETECT, TimestampFormat.AUTO, Optional.empty(), unit, false,
                Optional.empty(), 0, 1, 50, OptionalInt.empty(), DEFAULT_MAX_FILL, Optional.empty());
    }

    public CsvFormat withSeparator(char newSeparator) {
        return new CsvFormat(newSeparator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withHeader(HeaderPolicy newHeader) {
        return new CsvFormat(separator, newHeader, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withTimestampFormat(TimestampFormat newFormat) {
        return new CsvFormat(separator, header, newFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withLocalZone(ZoneId zone) {
        return new CsvFormat(separator, header, timestampFormat, Optional.of(zone), unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withDecimalComma(boolean newDecimalComma) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, newDecimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withExpectedStep(Duration step) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, Optional.of(step),
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withColumns(int newTimestampColumn, int newValueColumn) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                newTimestampColumn, newValueColumn, maxProblems, dateColumn, maxFill, targetStep);
    }

    public CsvFormat withMaxProblems(int newMaxProblems) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, newMaxProblems, dateColumn, maxFill, targetStep);
    }

    /**
     * Date and time of day in two columns, as SMARD writes them ("Datum;Anfang;Ende;..." with 01.01.2024 and 00:00):
     * the timestamp is the date cell, a space and the time cell.
     */
    public CsvFormat withDateAndTimeColumns(int newDateColumn, int newTimeColumn, int newValueColumn) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                newTimeColumn, newValueColumn, maxProblems, OptionalInt.of(newDateColumn), maxFill, targetStep);
    }

    /** The longest run of missing slots that is filled (zero: none); a longer one refuses the file. */
    public CsvFormat withMaxFill(Duration newMaxFill) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, newMaxFill, targetStep);
    }

    /** Resample the imported series to this step (see {@link org.vpp.simulator.series.Resampling}). */
    public CsvFormat withTargetStep(Duration step) {
        return new CsvFormat(separator, header, timestampFormat, localZone, unit, decimalComma, expectedStep,
                timestampColumn, valueColumn, maxProblems, dateColumn, maxFill, Optional.of(step));
    }
}
