package org.vpp.simulator.csv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vpp.simulator.csv.CsvCells.LocalTime;

/**
 * Local timestamps of one file put on the time line, remembering what the clock changes made of them, so the
 * import report can say so: times in the spring's skipped hour are dropped, the autumn's repeated hour is read
 * twice. Used by one import only.
 */
final class LocalTimes {

    private final Optional<ZoneId> zone;
    private final Map<LocalDate, List<Integer>> dropped = new LinkedHashMap<>();
    private final Map<LocalDate, List<Integer>> repeated = new LinkedHashMap<>();
    private final Map<LocalDate, ZoneOffset> repeatedOffset = new LinkedHashMap<>();
    private final Set<Integer> droppedLines = new HashSet<>();

    LocalTimes(Optional<ZoneId> zone) {
        this.zone = zone;
    }

    /** The instant of a local time on {@code line}, or empty when it does not exist and was dropped. */
    Optional<Instant> resolve(LocalDateTime local, int line, Instant previous) {
        return switch (CsvCells.resolveLocal(local, zone.orElseThrow(), previous)) {
            case LocalTime.Unique unique -> Optional.of(unique.instant());
            case LocalTime.Repeated second -> {
                repeated.computeIfAbsent(local.toLocalDate(), day -> new ArrayList<>()).add(line);
                repeatedOffset.put(local.toLocalDate(), second.offset());
                yield Optional.of(second.instant());
            }
            case LocalTime.Nonexistent none -> {
                dropped.computeIfAbsent(local.toLocalDate(), day -> new ArrayList<>()).add(line);
                droppedLines.add(line);
                yield Optional.empty();
            }
        };
    }

    boolean dropped(int line) {
        return droppedLines.contains(line);
    }

    /** One note per clock change met: what was dropped or read as the second pass, with the lines. */
    List<ImportNote> notes() {
        List<ImportNote> notes = new ArrayList<>();
        dropped.forEach((day, lines) -> notes.add(new ImportNote(lines.getFirst(), lines.size()
                + " local time(s) of " + day + " that do not exist in " + zone.orElseThrow()
                + " (the clocks went forward) dropped, " + range(lines))));
        repeated.forEach((day, lines) -> notes.add(new ImportNote(lines.getFirst(), lines.size()
                + " repeated local time(s) of " + day + " (the clocks went back) read as the second pass, offset "
                + repeatedOffset.get(day) + ", " + range(lines))));
        return notes;
    }

    private static String range(List<Integer> lines) {
        return lines.size() == 1 ? "line " + lines.getFirst() : "lines " + lines.getFirst() + "\u2013" + lines.getLast();
    }
}
