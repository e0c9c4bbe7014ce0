package org.vpp.simulator.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Pure parsing of single cells and lines; each parse answers a value or the reason it could not. */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern EPOCH = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

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
        // Spreadsheets write "2025-01-01 00:00"; ISO wants a 'T'.
        String normalised = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return new ParsedTimestamp.Absolute(OffsetDateTime.parse(normalised).toInstant());
        } catch (DateTimeException notOffset) {
            try {
                return new ParsedTimestamp.Local(LocalDateTime.parse(normalised));
            } catch (DateTimeException notLocal) {
                return new ParsedTimestamp.Invalid("unparsable timestamp '" + text
                        + "': expected ISO-8601 such as 2025-01-01T00:00Z, 2025-01-01T01:00+01:00 or epoch seconds");
            }
        }
    }

    /** Resolves a local date-time; at an autumn overlap the later offset is taken if the earlier goes backwards. */
    static Optional<Instant> resolveLocal(LocalDateTime local, ZoneId zone, Instant previous) {
        Instant earlier = local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
        if (previous != null && !earlier.isAfter(previous)) {
            Instant later = local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
            return Optional.of(later);
        }
        return Optional.of(earlier);
    }

    /** A finite decimal number, or empty. Rejects what Double.parseDouble would also take: "NaN", "1e3d", hex. */
    static Optional<Double> number(String cell, boolean decimalComma) {
        String text = cell.trim();
        if (decimalComma) {
            text = text.replace(',', '.');
        }
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
}
