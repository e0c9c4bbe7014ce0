package org.vpp.simulator.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.csv.CsvCells.ParsedTimestamp;

/**
 * Reads a (timestamp, value) file into a {@link TimeSeries} in the canonical unit of its quantity (MW, EUR/MWh),
 * so it can replace any synthetic series. A file is either imported whole or refused with every problem found.
 */
public final class CsvTimeSeriesImporter {

    private CsvTimeSeriesImporter() {
    }

    public static TimeSeries importFile(Path file, CsvFormat format) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importFrom(reader, format, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static TimeSeries importString(String content, CsvFormat format) {
        return importFrom(new StringReader(content), format, "text");
    }

    public static TimeSeries importFrom(Reader reader, CsvFormat format, String sourceName) {
        List<String> lines = readLines(reader);
        Problems problems = new Problems(format.maxProblems());
        List<Row> rows = parseRows(lines, format, problems);
        if (!problems.full()) {
            checkSequence(rows, format, problems);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new CsvProblem(0, 0, "file has no data rows"));
        }
        if (!problems.isEmpty()) {
            List<CsvProblem> sorted = problems.list.stream()
                    .sorted(Comparator.comparingInt(CsvProblem::line).thenComparingInt(CsvProblem::column))
                    .toList();
            throw new CsvImportException(sourceName, sorted, problems.truncated);
        }
        Duration step = stepOf(rows, format).orElseThrow();
        double[] values = rows.stream().mapToDouble(row -> format.unit().toCanonical(row.value().orElseThrow())).toArray();
        return new TimeSeries(rows.getFirst().at(), step, values);
    }

    /**
     * A line whose timestamp parsed; its value may not have. {@code failedBefore} counts earlier data lines whose
     * timestamp did not parse, so the slots they would have filled are not reported again as a gap.
     */
    private record Row(int line, Instant at, Optional<Double> value, int failedBefore) {
    }

    private static final class Problems {
        final List<CsvProblem> list = new ArrayList<>();
        final int cap;
        boolean truncated;

        Problems(int cap) {
            this.cap = cap;
        }

        void add(CsvProblem problem) {
            if (list.size() < cap) {
                list.add(problem);
            } else {
                truncated = true;
            }
        }

        boolean full() {
            return truncated;
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }

    private static List<String> readLines(Reader reader) {
        try (BufferedReader buffered = new BufferedReader(reader)) {
            return buffered.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> parseRows(List<String> lines, CsvFormat format, Problems problems) {
        List<Row> rows = new ArrayList<>();
        Instant previous = null;
        int failed = 0;
        boolean firstContentLine = true;
        int neededColumns = Math.max(format.timestampColumn(), format.valueColumn()) + 1;
        for (int index = 0; index < lines.size() && !problems.full(); index++) {
            int lineNumber = index + 1;
            String line = index == 0 ? stripBom(lines.get(index)) : lines.get(index);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = CsvCells.split(line, format.separator());
            if (firstContentLine) {
                firstContentLine = false;
                if (isHeader(cells, format)) {
                    continue;
                }
            }
            if (cells.size() < neededColumns) {
                problems.add(new CsvProblem(lineNumber, 0, "expected at least " + neededColumns
                        + " columns separated by '" + format.separator() + "', found " + cells.size()));
                failed++;
                continue;
            }
            Optional<Instant> at = timestamp(cells.get(format.timestampColumn()), lineNumber, format, previous,
                    problems);
            Optional<Double> value = value(cells.get(format.valueColumn()), lineNumber, format, problems);
            if (at.isPresent()) {
                rows.add(new Row(lineNumber, at.get(), value, failed));
                previous = at.get();
            } else {
                failed++;
            }
        }
        return rows;
    }

    private static boolean isHeader(List<String> cells, CsvFormat format) {
        return switch (format.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> cells.size() <= format.timestampColumn()
                    || CsvCells.timestamp(cells.get(format.timestampColumn()), format.timestampFormat())
                            instanceof ParsedTimestamp.Invalid;
        };
    }

    private static Optional<Instant> timestamp(String cell, int line, CsvFormat format, Instant previous,
            Problems problems) {
        int column = format.timestampColumn() + 1;
        return switch (CsvCells.timestamp(cell, format.timestampFormat())) {
            case ParsedTimestamp.Absolute absolute -> Optional.of(absolute.instant());
            case ParsedTimestamp.Local local -> {
                if (format.localZone().isEmpty()) {
                    problems.add(new CsvProblem(line, column, "timestamp '" + cell
                            + "' has no offset and no local zone is configured"));
                    yield Optional.empty();
                }
                yield CsvCells.resolveLocal(local.dateTime(), format.localZone().get(), previous);
            }
            case ParsedTimestamp.Invalid invalid -> {
                problems.add(new CsvProblem(line, column, invalid.reason()));
                yield Optional.empty();
            }
        };
    }

    private static Optional<Double> value(String cell, int line, CsvFormat format, Problems problems) {
        Optional<Double> value = CsvCells.number(cell, format.decimalComma());
        if (value.isEmpty()) {
            String hint = !format.decimalComma() && cell.contains(",") ? " (a decimal comma? enable decimalComma)" : "";
            problems.add(new CsvProblem(line, format.valueColumn() + 1,
                    (cell.isBlank() ? "missing value" : "unparsable value '" + cell + "'") + hint));
        }
        return value;
    }

    private static void checkSequence(List<Row> rows, CsvFormat format, Problems problems) {
        Optional<Duration> step = stepOf(rows, format);
        if (step.isEmpty() && !rows.isEmpty()) {
            problems.add(new CsvProblem(rows.getFirst().line(), 0, rows.size() == 1
                    ? "a single row cannot define the time step; configure the expected step"
                    : "no two consecutive rows define a time step; configure the expected step"));
        }
        Map<Instant, Integer> seen = new HashMap<>();
        Row latest = null;
        for (Row row : rows) {
            Integer firstLine = seen.putIfAbsent(row.at(), row.line());
            if (firstLine != null) {
                problems.add(new CsvProblem(row.line(), format.timestampColumn() + 1,
                        "duplicate timestamp " + row.at() + " (first on line " + firstLine + ")"));
                continue;
            }
            if (latest != null && row.at().isBefore(latest.at())) {
                problems.add(new CsvProblem(row.line(), format.timestampColumn() + 1, "time goes backwards: "
                        + row.at() + " is before " + latest.at() + " on line " + latest.line()));
                continue;
            }
            if (latest != null && step.isPresent()) {
                int slots = row.failedBefore() - latest.failedBefore() + 1;
                stepProblem(latest, row, step.get(), slots).ifPresent(problems::add);
            }
            latest = row;
        }
    }

    /** Checks the time between two accepted rows that are {@code slots} steps apart in the file. */
    private static Optional<CsvProblem> stepProblem(Row before, Row row, Duration step, int slots) {
        Duration delta = Duration.between(before.at(), row.at());
        Duration expected = step.multipliedBy(slots);
        if (delta.equals(expected)) {
            return Optional.empty();
        }
        long deltaNanos = delta.toNanos();
        long stepNanos = step.toNanos();
        if (deltaNanos > expected.toNanos() && deltaNanos % stepNanos == 0) {
            long missing = deltaNanos / stepNanos - slots;
            return Optional.of(new CsvProblem(row.line(), 0, "gap: " + missing + " missing slot(s) of " + step
                    + " between " + before.at() + " (line " + before.line() + ") and " + row.at()));
        }
        return Optional.of(new CsvProblem(row.line(), 0, "irregular step: " + delta + " since line " + before.line()
                + ", expected " + expected));
    }

    /**
     * The configured step, or else the most frequent positive difference between rows that follow each other
     * directly (the smallest on a tie), so one bad row near the top cannot set the wrong step.
     */
    private static Optional<Duration> stepOf(List<Row> rows, CsvFormat format) {
        if (format.expectedStep().isPresent()) {
            return format.expectedStep();
        }
        Map<Duration, Integer> counts = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Row before = rows.get(i - 1);
            Row row = rows.get(i);
            Duration delta = Duration.between(before.at(), row.at());
            if (row.failedBefore() == before.failedBefore() && !delta.isNegative() && !delta.isZero()) {
                counts.merge(delta, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Duration, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
