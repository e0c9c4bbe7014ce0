package org.vpp.forecast.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import org.vpp.forecast.feature.PublicHolidays;
import org.vpp.forecast.value.Season;
import org.vpp.kernel.TimeSeries;

/**
 * The mean of the last {@code days} days like the one forecast, at the same local time of day: the "similar day"
 * method of load forecasting. A seasonal naive forecast repeats one day and with it that day's noise; the mean of
 * {@code K} like days keeps the profile and a {@code K}-th of the noise's variance, which on a load whose week
 * repeats is most of what can be known a day ahead.
 *
 * <p>Which days are alike is the {@link Pooling}; Sundays and the zone's public holidays are always one kind (rest
 * days), and a holiday is forecast from them. Like days are looked for only as far back as {@code days} of them
 * reach on an ordinary week, so a Sunday among working days pooled by ten has two like days, not ten Sundays going
 * back into another season. Each like day can be brought to today's {@link Level}.
 */
public record SimilarDays(int days, Pooling pooling, Level level, ZoneId zone) implements ForecastModel {

    public static final String NAME = "similar-days";

    /** Which past days count as like the day forecast. */
    public enum Pooling {
        /** The same weekday. */
        SAME_WEEKDAY,
        /** Monday to Friday together; Saturdays on their own. */
        WORKDAYS,
        /**
         * Tuesday to Thursday together; Mondays (the week starting up), Fridays (winding down) and Saturdays each
         * on their own: a national load, whose Monday morning and Friday afternoon differ.
         */
        MIDWEEK
    }

    /**
     * How a like day is brought to today's level, measured as the mean of the week up to each day's end (a week
     * has no weekly pattern left to confuse with the level). A load drifting with the season or into the summer
     * holidays moves a few per cent a week, as much as a day's noise.
     */
    public enum Level {
        /** As it was. */
        NONE,
        /** Scaled by the ratio of the levels (consumption scales); left as it was if the levels differ in sign. */
        RATIO
    }

    public SimilarDays {
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(zone, "zone");
        if (days < 1 || days > 60) {
            throw new IllegalArgumentException("similar days: 1..60 days, was " + days);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of(
                "days", Integer.toString(days),
                "pooling", pooling.name(),
                "level", level.name(),
                "zone", zone.getId());
    }

    /** Between the naive forecasts and anything fitted: nothing is learnt from data but a level. */
    @Override
    public int complexity() {
        return 5;
    }

    /** A week and a day: every weekday at least once; a week more to measure a level. */
    @Override
    public int minimumHistory(Duration step) {
        return (level == Level.NONE ? 1 : 2) * Season.WEEKLY.length(step) + Season.DAILY.length(step);
    }

    @Override
    public FittedModel fit(TimeSeries history) {
        if (history.size() < minimumHistory(history.step())) {
            throw new IllegalArgumentException("similar days needs " + minimumHistory(history.step())
                    + " steps, got " + history.size());
        }
        PublicHolidays holidays = PublicHolidays.of(zone);
        WeekLevels levels = new WeekLevels(history);
        double levelNow = levels.endingAt(history.size());
        return steps -> {
            double[] forecast = new double[steps];
            for (int k = 0; k < steps; k++) {
                ZonedDateTime local = history.end().plus(history.step().multipliedBy(k)).atZone(zone);
                DayKind kind = kindOf(local.toLocalDate(), holidays);
                double sum = 0;
                int found = 0;
                LocalDate day = local.toLocalDate().minusDays(1);
                for (int back = 0; back < lookBackDays() && found < days; back++, day = day.minusDays(1)) {
                    if (kindOf(day, holidays) != kind) continue;
                    int index = indexOf(history, ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant());
                    if (index < 0) break;
                    if (index >= history.size() || !Double.isFinite(history.valueAt(index))) continue;
                    double value = history.valueAt(index);
                    if (level == Level.RATIO) {
                        // The week up to the day's end, or up to the origin for the origin's own day.
                        int endOfDay = indexOf(history, day.plusDays(1).atStartOfDay(zone).toInstant());
                        double levelThen = levels.endingAt(Math.min(endOfDay, history.size()));
                        if (Double.isNaN(levelThen)) break;
                        double ratio = levelNow / levelThen;
                        if (Double.isFinite(ratio) && ratio > 0) value *= ratio;
                    }
                    sum += value;
                    found++;
                }
                forecast[k] = found == 0 ? history.valueAt(history.size() - 1) : sum / found;
            }
            return forecast;
        };
    }

    /** As far back as {@code days} like days reach on an ordinary week. */
    private int lookBackDays() {
        return switch (pooling) {
            case SAME_WEEKDAY -> 7 * days;
            case WORKDAYS -> 7 * ((days + 4) / 5);
            case MIDWEEK -> 7 * ((days + 2) / 3);
        };
    }

    /** The step starting at {@code instant}; -1 before the history, past its end if after. */
    private static int indexOf(TimeSeries history, Instant instant) {
        if (instant.isBefore(history.start())) return -1;
        long index = Duration.between(history.start(), instant).dividedBy(history.step());
        return (int) Math.min(Integer.MAX_VALUE, index);
    }

    private DayKind kindOf(LocalDate day, PublicHolidays holidays) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SUNDAY || holidays.level(day) >= 1) return DayKind.REST;
        if (weekday == DayOfWeek.SATURDAY) return DayKind.SATURDAY;
        if (pooling == Pooling.WORKDAYS) return DayKind.WORKDAY;
        if (pooling == Pooling.MIDWEEK && weekday != DayOfWeek.MONDAY && weekday != DayOfWeek.FRIDAY) {
            return DayKind.WORKDAY;
        }
        return DayKind.valueOf(weekday.name());
    }

    private enum DayKind {
        REST, SATURDAY, WORKDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY
    }

    /** Means of the week of steps before an index, from prefix sums of the finite values. */
    private static final class WeekLevels {

        private final double[] sums;
        private final int[] counts;
        private final int week;

        WeekLevels(TimeSeries history) {
            int n = history.size();
            sums = new double[n + 1];
            counts = new int[n + 1];
            for (int i = 0; i < n; i++) {
                double value = history.valueAt(i);
                boolean finite = Double.isFinite(value);
                sums[i + 1] = sums[i] + (finite ? value : 0);
                counts[i + 1] = counts[i] + (finite ? 1 : 0);
            }
            week = Season.WEEKLY.length(history.step());
        }

        /** NaN where the history does not hold that week, or holds less than half of it. */
        double endingAt(int end) {
            if (end - week < 0 || end >= sums.length) return Double.NaN;
            int count = counts[end] - counts[end - week];
            return count < week / 2 ? Double.NaN : (sums[end] - sums[end - week]) / count;
        }
    }
}
