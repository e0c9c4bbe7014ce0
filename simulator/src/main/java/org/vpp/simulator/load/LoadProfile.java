package org.vpp.simulator.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * What shapes a consumer's demand: its peak (a positive magnitude; the series it yields is negative), daily shape,
 * local zone (for the hour of day and the weekday), public holidays (treated like Sundays), how much more it draws
 * in winter, and the relative size of its noise.
 */
public record LoadProfile(
        double peakDemandMw,
        LoadShape shape,
        ZoneId zone,
        Set<LocalDate> holidays,
        double winterIncreaseFraction,
        double noiseFraction) {

    public LoadProfile {
        if (!(peakDemandMw > 0)) {
            throw new IllegalArgumentException("peak demand is a positive magnitude, was " + peakDemandMw);
        }
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(zone, "zone");
        holidays = Set.copyOf(holidays);
        if (winterIncreaseFraction < 0 || noiseFraction < 0) {
            throw new IllegalArgumentException("winter increase and noise must be non-negative");
        }
    }

    public static LoadProfile of(double peakDemandMw, LoadShape shape, ZoneId zone) {
        return new LoadProfile(peakDemandMw, shape, zone, Set.of(), 0.12, 0.04);
    }

    public LoadProfile withHolidays(Set<LocalDate> holidayDates) {
        return new LoadProfile(peakDemandMw, shape, zone, holidayDates, winterIncreaseFraction, noiseFraction);
    }
}
