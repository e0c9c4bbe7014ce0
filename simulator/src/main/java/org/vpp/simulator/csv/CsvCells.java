package org.vpp.simulator.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure parsing of single cells and lines; each parse answers a value or the reason it could not. */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern EPOCH = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** 1.234,5 with a decimal comma: dots group thousands (SMARD writes power so). */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d*)?");
    /** 31.03.2024 (German exports: SMARD, ENTSO-E) followed by anything, such as a time. */
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})(.*)");
    /** +0100 (OPSD) instead of ISO's +01:00, at the end of a timestamp. */
    private static final Pattern COMPACT_OFFSET = Pattern.compile("(.*[T ]\\d{2}:\\d{2}(:\\d{2})?)([+-]\\d{2})(\\d{2})");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+");
    /** What exports write where a value is missing; such a slot is a gap to fill, not a malformed line. */
    private static final Set<String> MISSING = Set.of("", "nan", "n/a", "-", "na", "n/e");

    private CsvCells() {
    }

    /** A timestamp, or how a local date-time should be resolved, or an error. */
    sealed interface ParsedTimestamp {
        record Absolute(Instant instant) implements ParsedTimestamp {
        }

        record Local(LocalDateTime dateTime) implements ParsedTimestamp {
        }

        record Invalid(String reason) implements ParsedTimestamp {
        }
    }

    /** Splits on the separator, honouring double quotes ("a;b" stays one cell, "" is a literal quote). */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    static ParsedTimestamp timestamp(String cell, TimestampFormat format) {
        String text = cell.trim();
        if (text.isEmpty()) {
            return new ParsedTimestamp.Invalid("empty timestamp");
        }
        boolean looksEpoch = EPOCH.matcher(text).matches();
        return switch (format) {
            case EPOCH_SECONDS -> looksEpoch ? epoch(text)
                    : new ParsedTimestamp.Invalid("unparsable timestamp '" + text + "': expected epoch seconds");
            case ISO_8601 -> iso(text);
            case AUTO -> looksEpoch ? epoch(text) : iso(text);
        };
    }

    private static ParsedTimestamp epoch(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text);
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return new ParsedTimestamp.Absolute(Instant.ofEpochSecond(whole.longValueExact(), nanos));
        } catch (ArithmeticException | DateTimeException outOfRange) {
            return new ParsedTimestamp.Invalid("epoch seconds out of range: '" + text + "'");
        }
    }

    private static ParsedTimestamp iso(String text) {
        String normalised = normalise(text);
        // Tried in the likelier order, since a failed parse costs an exception: a year of local quarter-hours is 35,000.
        boolean local = LOCAL_DATE_TIME.matcher(normalised).matches();
        try {
            return local ? new ParsedTimestamp.Local(LocalDateTime.parse(normalised))
                    : new ParsedTimestamp.Absolute(OffsetDateTime.parse(normalised).toInstant());
        } catch (DateTimeException notIso) {
            return new ParsedTimestamp.Invalid("unparsable timestamp '" + text
                    + "': expected ISO-8601 such as 2025-01-01T00:00Z, 2025-01-01T01:00+01:00 or epoch seconds");
        }
    }

    /**
     * Brings what exports write to ISO-8601: a space for the 'T' (spreadsheets), a German date, a range
     * "start - end" of which the start counts (ENTSO-E's MTU column), an offset without colon (OPSD).
     */
    private static String normalise(String text) {
        String result = text;
        int range = result.indexOf(" - ");
        if (range > 0) {
            result = result.substring(0, range).trim();
        }
        Matcher german = GERMAN_DATE.matcher(result);
        if (german.matches()) {
            result = german.group(3) + "-" + german.group(2) + "-" + german.group(1) + german.group(4);
        }
        if (result.length() > 10 && result.charAt(10) == ' ') {
            result = result.substring(0, 10) + 'T' + result.substring(11).trim();
        }
        Matcher compact = COMPACT_OFFSET.matcher(result);
        return compact.matches() ? compact.group(1) + compact.group(3) + ":" + compact.group(4) : result;
    }

    /** Where a local date-time falls on the time line. */
    sealed interface LocalTime {
        /** A local time that exists once, or the first pass through a repeated hour. */
        record Unique(Instant instant) implements LocalTime {
        }

        /** The second pass through the autumn's repeated hour, read with the later (winter) offset. */
        record Repeated(Instant instant, ZoneOffset offset) implements LocalTime {
        }

        /** Inside the spring's skipped hour: no instant has this local time. */
        record Nonexistent() implements LocalTime {
        }
    }

    /**
     * Resolves a local date-time. At an autumn overlap the earlier offset is taken unless it would not move past
     * {@code previous}: a file written in local time repeats the hour, and its second pass is the later offset.
     */
    static LocalTime resolveLocal(LocalDateTime local, ZoneId zone, Instant previous) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return new LocalTime.Nonexistent();
        }
        Instant earlier = local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
        if (offsets.size() > 1 && previous != null && !earlier.isAfter(previous)) {
            ZonedDateTime later = local.atZone(zone).withLaterOffsetAtOverlap();
            return new LocalTime.Repeated(later.toInstant(), later.getOffset());
        }
        return new LocalTime.Unique(earlier);
    }

    /** True for a cell that says "no value here" rather than holding a malformed one. */
    static boolean isMissing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** A finite decimal number, or empty. Rejects what Double.parseDouble would also take: "NaN", "1e3d", hex. */
    static Optional<Double> number(String cell, boolean decimalComma) {
        String text = cell.trim();
        if (decimalComma) {
            text = (GROUPED.matcher(text).matches() ? text.replace(".", "") : text).replace(',', '.');
        }
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
}
