package org.vpp.forecast.feature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import org.vpp.kernel.ClearSky;
import org.vpp.kernel.GeoLocation;

/**
 * The kernel's clear-sky irradiance at one site: the sun's zenith from NREL SPA, the irradiance from
 * {@link ClearSky}. PV output is proportional to it on a clear day, which is all a regression feature needs.
 */
public record SiteClearSky(GeoLocation site) {

    private static final double SITE_ELEVATION_METRES = 0;

    /** W/m² at {@code instant}; 0 whenever the sun is below the horizon. */
    public double irradianceAt(Instant instant) {
        return ClearSky.haurwitzGhiWPerM2(zenithDegAt(instant));
    }

    /** The mean over each interval {@code [start + i*step, start + (i+1)*step)}: see {@link ClearSky#intervalMeans}. */
    public double[] intervalMeans(Instant start, Duration step, int count) {
        return ClearSky.intervalMeans(this::zenithDegAt, start, step, count);
    }

    private double zenithDegAt(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return SPA.calculateSolarPosition(utc, site.latitude(), site.longitude(), SITE_ELEVATION_METRES,
                DeltaT.estimate(utc.toLocalDate())).zenithAngle();
    }
}
