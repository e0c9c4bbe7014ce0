package org.vpp.bench.forecast;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.vpp.kernel.TimeSeries;

/**
 * A held-out week and the training days before it. Windows are put in different seasons, because a forecaster
 * that only holds up in summer is not one to trade on: the first Monday of mid-January, -April, -July and
 * -October that the series covers with enough history before it, winter and summer preferred.
 *
 * @param label      e.g. {@code 2024-01-15 (winter)}
 * @param trainStart index of the first training value
 * @param heldOut    index of the first held-out value
 * @param heldOutEnd index after the last held-out value
 */
public record HeldOutWindow(String label, int trainStart, int heldOut, int heldOutEnd) {

    private static final Month[] PREFERRED = {Month.JANUARY, Month.JULY, Month.APRIL, Month.OCTOBER};
    private static final String[] SEASONS = {"winter", "summer", "spring", "autumn"};

    /** Up to {@code count} windows of {@code heldOutDays} after {@code trainDays} of history; the last week if none fits. */
    public static List<HeldOutWindow> pick(TimeSeries series, int trainDays, int heldOutDays, int count) {
        int perDay = Math.toIntExact(java.time.Duration.ofDays(1).dividedBy(series.step()));
        List<HeldOutWindow> windows = new ArrayList<>();
        LocalDate first = series.start().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = series.end().atOffset(ZoneOffset.UTC).toLocalDate();
        for (int i = 0; i < PREFERRED.length && windows.size() < count; i++) {
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                LocalDate monday = LocalDate.of(year, PREFERRED[i], 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                int heldOut = indexOf(series, monday.atStartOfDay().toInstant(ZoneOffset.UTC));
                int trainStart = heldOut - trainDays * perDay;
                int end = heldOut + heldOutDays * perDay;
                if (trainStart >= 0 && end <= series.size()) {
                    windows.add(new HeldOutWindow(monday + " (" + SEASONS[i] + ")", trainStart, heldOut, end));
                    break;
                }
            }
        }
        if (windows.isEmpty()) {
            int end = series.size();
            int heldOut = Math.max(0, end - heldOutDays * perDay);
            windows.add(new HeldOutWindow("last " + heldOutDays + " days", Math.max(0, heldOut - trainDays * perDay),
                    heldOut, end));
        }
        return List.copyOf(windows);
    }

    private static int indexOf(TimeSeries series, Instant at) {
        long offset = java.time.Duration.between(series.start(), at).toSeconds();
        return offset < 0 ? -1 : Math.toIntExact(offset / series.step().toSeconds());
    }

    public int heldOutDays(int perDay) {
        return (heldOutEnd - heldOut) / perDay;
    }
}
