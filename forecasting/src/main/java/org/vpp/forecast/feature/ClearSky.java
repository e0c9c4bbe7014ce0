package org.vpp.forecast.feature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import org.vpp.forecast.value.GeoPoint;

/**
 * Clear-sky global horizontal irradiance at a site, from the sun's zenith angle (NREL SPA) and the
 * Haurwitz model. Haurwitz needs nothing but the zenith and is within a few percent of richer models in
 * ranking hours, which is all a regression feature needs; PV output is proportional to it on a clear day.
 */
public record ClearSky(GeoPoint site) {

    private static final double SITE_ELEVATION_METRES = 0;

    /** W/m² at {@code instant}; 0 whenever the sun is below the horizon. */
    public double irradianceAt(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        double zenith = SPA.calculateSolarPosition(utc, site.latitude(), site.longitude(), SITE_ELEVATION_METRES,
                DeltaT.estimate(utc.toLocalDate())).zenithAngle();
        double cosZenith = Math.cos(Math.toRadians(zenith));
        return cosZenith <= 0 ? 0 : 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }

    /**
     * The mean over the interval {@code [start + i*step, start + (i+1)*step)}, sampled at its start, middle and
     * end: a single midpoint would call an interval dark when the sun rises in its second half.
     */
    public double[] intervalMeans(Instant start, Duration step, int count) {
        double[] means = new double[count];
        Duration half = step.dividedBy(2);
        double previousEdge = irradianceAt(start);
        for (int i = 0; i < count; i++) {
            Instant from = start.plus(step.multipliedBy(i));
            double nextEdge = irradianceAt(from.plus(step));
            means[i] = (previousEdge + 4 * irradianceAt(from.plus(half)) + nextEdge) / 6;
            previousEdge = nextEdge;
        }
        return means;
    }
}
