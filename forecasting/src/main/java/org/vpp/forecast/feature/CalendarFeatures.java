package org.vpp.forecast.feature;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hour of day and day of week as one-hot columns in local time. One-hot rather than Fourier terms: with 23 + 6
 * columns a linear model can express any daily shape (a morning ramp, an evening peak) exactly, and the
 * ridge penalty of the regression keeps the extra columns harmless.
 */
public record CalendarFeatures(ZoneId zone) {

    /** Hour 0 and Monday are the reference levels, absorbed by the intercept. */
    public static final int WIDTH = 23 + 6;

    /** Writes the {@link #WIDTH} columns for {@code instant} into {@code row} from {@code offset}. */
    public void write(Instant instant, double[] row, int offset) {
        ZonedDateTime local = instant.atZone(zone);
        int hour = local.getHour();
        int day = local.getDayOfWeek().getValue() - 1;
        for (int i = 0; i < WIDTH; i++) {
            row[offset + i] = 0;
        }
        if (hour > 0) {
            row[offset + hour - 1] = 1;
        }
        if (day > 0) {
            row[offset + 23 + day - 1] = 1;
        }
    }
}
