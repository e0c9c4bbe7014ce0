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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpp.kernel.TimeSeries;
import org.vpp.simulator.csv.CsvCells.LocalTime;
import org.vpp.simulator.csv.CsvCells.ParsedTimestamp;
import org.vpp.simulator.csv.GapFilling.Gap;
import org.vpp.simulator.series.Resampling;
import org.vpp.simulator.series.Unit;

/**
 * Reads a (timestamp, value) file into a {@link TimeSeries} in the canonical unit of its quantity (MW, EUR/MWh,
 * MWh), so it can replace any synthetic series. A file is either imported whole, with a report of what was done to
 * it ({@link CsvImport}), or refused with every problem found, by line.
 */
public final class CsvTimeSeriesImporter {

    private CsvTimeSeriesImporter() {
    }

    public static TimeSeries importFile(Path file, CsvFormat format) {
        return read(file, format).series();
    }

    public static TimeSeries importString(String content, CsvFormat format) {
        return readString(content, format).series();
    }

    public static TimeSeries importFrom(Reader reader, CsvFormat format, String sourceName) {
        return readFrom(reader, format, sourceName).series();
    }

    /** The series with its report; the source is named by the path as given. */
    public static CsvImport read(Path file, CsvFormat format) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readFrom(reader, format, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    public static CsvImport readString(String content, CsvFormat format) {
        return readFrom(new StringReader(content), format, "text");
    }

    /** @throws CsvImportException naming every problem found, by line */
    public static CsvImport readFrom(Reader reader, CsvFormat format, String sourceName) {
        List<String> lines = readLines(reader);
        Problems problems = new Problems(format.maxProblems());
        LocalTimes localTimes = new LocalTimes(format.localZone());
        List<Row> rows = parseRows(lines, format, problems, localTimes);
        Optional<Duration> step = stepOf(rows, format);
        List<Row> accepted = problems.full() ? List.of() : checkSequence(rows, step, format, problems);
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new CsvProblem(0, 0, "file has no data rows"));
        }
        Grid grid = accepted.isEmpty() || step.isEmpty() ? null : Grid.of(accepted, step.get(), format.unit());
        List<Gap> gaps = grid == null ? List.of() : GapFilling.find(grid.values, grid.known);
        if (grid != null) {
            checkGaps(grid, gaps, format.maxFill(), problems);
        }
        refuseIfAny(problems, sourceName);

        List<ImportNote> notes = new ArrayList<>();
        notes.add(new ImportNote(0, rows.size() + " rows read (lines " + rows.getFirst().line() + "\u2013"
                + rows.getLast().line() + "), step " + step.get() + ", from " + grid.start + " to "
                + grid.start.plus(step.get().multipliedBy(grid.values.length))));
        notes.addAll(localTimes.notes());
        gaps.forEach(gap -> notes.add(fillNote(grid, gap)));
        boolean[] filled = new boolean[grid.values.length];
        gaps.forEach(gap -> Arrays.fill(filled, gap.from(), gap.to(), true));
        TimeSeries series = new TimeSeries(grid.start, step.get(), GapFilling.fill(grid.values, gaps));
        return format.targetStep().filter(target -> !target.equals(step.get()))
                .map(target -> resampled(series, filled, notes, format.unit().canonical(), target, sourceName))
                .orElseGet(() -> new CsvImport(series, notes, filled));
    }

    private static CsvImport resampled(TimeSeries series, boolean[] filled, List<ImportNote> notes, Unit unit,
            Duration target, String sourceName) {
        TimeSeries result;
        try {
            result = Resampling.resample(series, unit, target);
        } catch (IllegalArgumentException uneven) {
            throw new CsvImportException(sourceName, List.of(new CsvProblem(0, 0, uneven.getMessage())), false);
        }
        // A resampled slot is filled if any slot it came from was: the flags resample as a 0/1 level.
        double[] flags = new double[filled.length];
        for (int i = 0; i < filled.length; i++) {
            flags[i] = filled[i] ? 1 : 0;
        }
        double[] resampledFlags = Resampling.resample(new TimeSeries(series.start(), series.step(), flags),
                Unit.FRACTION, target).values();
        boolean[] resampledFilled = new boolean[resampledFlags.length];
        for (int i = 0; i < resampledFlags.length; i++) {
            resampledFilled[i] = resampledFlags[i] > 0;
        }
        List<ImportNote> all = new ArrayList<>(notes);
        all.add(new ImportNote(0, Resampling.describe(unit, series.step(), target)));
        return new CsvImport(result, all, resampledFilled);
    }

    /**
     * A line whose timestamp parsed; its value may be absent ({@code missing}: the cell said so, a gap to fill) or
     * have failed to parse. {@code failedBefore} counts earlier data lines whose timestamp did not parse, so the
     * slots they would have filled are not reported again as a gap.
     */
    private record Row(int line, Instant at, Optional<Double> value, boolean missing, int failedBefore) {
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

    private static void refuseIfAny(Problems problems, String sourceName) {
        if (!problems.isEmpty()) {
            List<CsvProblem> sorted = problems.list.stream()
                    .sorted(Comparator.comparingInt(CsvProblem::line).thenComparingInt(CsvProblem::column))
                    .toList();
            throw new CsvImportException(sourceName, sorted, problems.truncated);
        }
    }

    private static List<String> readLines(Reader reader) {
        try (BufferedReader buffered = new BufferedReader(reader)) {
            return buffered.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> parseRows(List<String> lines, CsvFormat format, Problems problems,
            LocalTimes localTimes) {
        List<Row> rows = new ArrayList<>();
        Instant previous = null;
        int failed = 0;
        boolean firstContentLine = true;
        int neededColumns = Math.max(Math.max(format.timestampColumn(), format.valueColumn()),
                format.dateColumn().orElse(0)) + 1;
        for (int index = 0; index < lines.size() && !problems.full(); index++) {
            int lineNumber = index + 1;
            String line = index == 0 ? stripBom(lines.get(index)) : lines.get(index);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int control = controlCharacter(line, format.separator());
            if (control >= 0) {
                problems.add(new CsvProblem(lineNumber, 0, String.format(java.util.Locale.ROOT,
                        "control character U+%04X at position %d", (int) line.charAt(control), control + 1)));
                failed++;
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
            String cell = timestampCell(cells, format);
            Optional<Instant> at = switch (CsvCells.timestamp(cell, format.timestampFormat())) {
                case ParsedTimestamp.Absolute absolute -> Optional.of(absolute.instant());
                case ParsedTimestamp.Local local when format.localZone().isEmpty() -> {
                    problems.add(new CsvProblem(lineNumber, format.timestampColumn() + 1, "timestamp '" + cell
                            + "' has no offset and no local zone is configured"));
                    yield Optional.empty();
                }
                case ParsedTimestamp.Local local -> localTimes.resolve(local.dateTime(), lineNumber, previous);
                case ParsedTimestamp.Invalid invalid -> {
                    problems.add(new CsvProblem(lineNumber, format.timestampColumn() + 1, invalid.reason()));
                    yield Optional.empty();
                }
            };
            if (localTimes.dropped(lineNumber)) {
                continue;
            }
            String valueCell = cells.get(format.valueColumn());
            boolean missing = CsvCells.isMissing(valueCell);
            Optional<Double> value = missing ? Optional.empty() : value(valueCell, lineNumber, format, problems);
            if (at.isPresent()) {
                rows.add(new Row(lineNumber, at.get(), value, missing, failed));
                previous = at.get();
            } else {
                failed++;
            }
        }
        return rows;
    }

    /** The timestamp as one text: the time cell, preceded by the date cell when the date has its own column. */
    private static String timestampCell(List<String> cells, CsvFormat format) {
        String time = cells.get(format.timestampColumn());
        return format.dateColumn().isPresent() ? cells.get(format.dateColumn().getAsInt()) + " " + time : time;
    }

    private static boolean isHeader(List<String> cells, CsvFormat format) {
        return switch (format.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> cells.size() <= Math.max(format.timestampColumn(), format.dateColumn().orElse(0))
                    || CsvCells.timestamp(timestampCell(cells, format), format.timestampFormat())
                            instanceof ParsedTimestamp.Invalid;
        };
    }

    private static Optional<Double> value(String cell, int line, CsvFormat format, Problems problems) {
        Optional<Double> value = CsvCells.number(cell, format.decimalComma());
        if (value.isEmpty()) {
            String hint = !format.decimalComma() && cell.contains(",") ? " (a decimal comma? enable decimalComma)" : "";
            problems.add(new CsvProblem(line, format.valueColumn() + 1, "unparsable value '" + cell + "'" + hint));
        }
        return value;
    }

    /** Reports duplicates, time going backwards and irregular steps; answers the rows that sit on the grid. */
    private static List<Row> checkSequence(List<Row> rows, Optional<Duration> step, CsvFormat format,
            Problems problems) {
        if (step.isEmpty() && !rows.isEmpty()) {
            problems.add(new CsvProblem(rows.getFirst().line(), 0, rows.size() == 1
                    ? "a single row cannot define the time step; configure the expected step"
                    : "no two consecutive rows define a time step; configure the expected step"));
        }
        List<Row> accepted = new ArrayList<>();
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
            Optional<CsvProblem> irregular = latest == null || step.isEmpty() ? Optional.empty()
                    : stepProblem(latest, row, step.get(), row.failedBefore() - latest.failedBefore() + 1);
            irregular.ifPresentOrElse(problems::add, () -> accepted.add(row));
            latest = row;
        }
        return accepted;
    }

    /**
     * Checks the time between two accepted rows that are {@code slots} steps apart in the file. More whole steps
     * than that is a gap, left to {@link #checkGaps}; anything else is an irregular step.
     */
    private static Optional<CsvProblem> stepProblem(Row before, Row row, Duration step, int slots) {
        Duration delta = Duration.between(before.at(), row.at());
        Duration expected = step.multipliedBy(slots);
        if (delta.equals(expected) || delta.compareTo(expected) > 0 && delta.toNanos() % step.toNanos() == 0) {
            return Optional.empty();
        }
        return Optional.of(new CsvProblem(row.line(), 0, "irregular step: " + delta + " since line " + before.line()
                + ", expected " + expected));
    }

    /**
     * The rows on a regular grid from the first to the last: values in the canonical unit, NaN where a slot has no
     * row or its row has no value. {@code known} marks slots that hold a value, or a line whose timestamp or value
     * did not parse (already a problem, so not a gap too).
     */
    private record Grid(Instant start, Duration step, double[] values, boolean[] known, int[] lines) {

        static Grid of(List<Row> rows, Duration step, Unit unit) {
            Instant start = rows.getFirst().at();
            int size = slot(start, rows.getLast().at(), step) + 1;
            double[] values = new double[size];
            boolean[] known = new boolean[size];
            int[] lines = new int[size];
            Arrays.fill(values, Double.NaN);
            Row before = null;
            for (Row row : rows) {
                int slot = slot(start, row.at(), step);
                values[slot] = row.value().map(unit::toCanonical).orElse(Double.NaN);
                known[slot] = !row.missing();
                lines[slot] = row.line();
                if (before != null) {
                    int failed = row.failedBefore() - before.failedBefore();
                    Arrays.fill(known, slot(start, before.at(), step) + 1,
                            Math.min(slot, slot(start, before.at(), step) + 1 + failed), true);
                }
                before = row;
            }
            return new Grid(start, step, values, known, lines);
        }

        private static int slot(Instant start, Instant at, Duration step) {
            return Math.toIntExact(Duration.between(start, at).toNanos() / step.toNanos());
        }

        Instant at(int slot) {
            return start.plus(step.multipliedBy(slot));
        }

        /** The line where a gap is noticed: the row after it, or the last one before it at the end. */
        int lineOf(Gap gap) {
            int after = gap.to() < values.length ? lines[gap.to()] : 0;
            return after != 0 ? after : lines[Math.max(0, gap.from() - 1)];
        }

        String side(int slot) {
            return at(slot) + " (line " + lines[slot] + ")";
        }

        /** Where the gap lies, by the rows around it. */
        String around(Gap gap) {
            if (gap.atStart() && gap.atEnd(values.length)) {
                return "from " + at(0) + ": no value at all";
            }
            if (gap.atStart()) {
                return "at the start, before " + side(gap.to());
            }
            return gap.atEnd(values.length) ? "at the end, after " + side(gap.from() - 1)
                    : "between " + side(gap.from() - 1) + " and " + side(gap.to());
        }
    }

    private static void checkGaps(Grid grid, List<Gap> gaps, Duration maxFill, Problems problems) {
        for (Gap gap : gaps) {
            Duration length = grid.step().multipliedBy(gap.length());
            if (gap.atStart() && gap.atEnd(grid.values().length)) {
                problems.add(new CsvProblem(0, 0, "no row has a value"));
            } else if (length.compareTo(maxFill) > 0) {
                problems.add(new CsvProblem(grid.lineOf(gap), 0, "gap of " + human(length) + " " + grid.around(gap)
                        + (maxFill.isZero() ? ", and gap filling is off" : ", above the " + human(maxFill)
                        + " that may be filled")));
            }
        }
    }

    private static ImportNote fillNote(Grid grid, Gap gap) {
        String how = gap.atStart() || gap.atEnd(grid.values().length) ? "by holding the nearest value"
                : "by linear interpolation";
        return new ImportNote(grid.lineOf(gap), "filled " + gap.length() + " missing slot(s) of " + grid.step()
                + " from " + grid.at(gap.from()) + " " + how + ", " + grid.around(gap));
    }

    /** "5 h", "45 min", "1 h 30 min": durations as a reader of a refusal thinks of them. */
    static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (!duration.equals(Duration.ofMinutes(minutes))) {
            return duration.toString();
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
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

    /** The index of the first control character that is not the separator (a tab) or a line's closing CR, or -1. */
    private static int controlCharacter(String line, char separator) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c) && c != separator && !(c == '\r' && i == line.length() - 1)) return i;
        }
        return -1;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
