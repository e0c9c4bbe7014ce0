package org.vpp.simulator.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import net.e175.klaus.solarpositioning.SolarPosition;

/** Sun position from NREL's SPA (via solarpositioning) and the extraterrestrial irradiance that goes with it. */
public final class SolarGeometry {

    /** Solar constant in W/m2 (Kopp and Lean 2011). */
    public static final double SOLAR_CONSTANT_W_PER_M2 = 1361.0;

    private SolarGeometry() {
    }

    /** Geometric sun position (no refraction), so "below the horizon" is an unambiguous zenith >= 90 degrees. */
    public static SunPosition sunAt(WeatherSite location, Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        SolarPosition p = SPA.calculateSolarPosition(utc, location.latitudeDeg(), location.longitudeDeg(),
                location.elevationM(), DeltaT.estimate(utc.toLocalDate()));
        return new SunPosition(p.zenithAngle(), p.azimuth());
    }

    /** The sun position at the middle of a slot, which represents the slot's mean irradiance better than its start. */
    public static SunPosition sunAtMidSlot(WeatherSite location, Instant slotStart, Duration step) {
        return sunAt(location, slotStart.plus(step.dividedBy(2)));
    }

    /** Extraterrestrial normal irradiance, varying +-3.3 % with the Earth-Sun distance over the year. */
    public static double extraterrestrialNormalWPerM2(int dayOfYear) {
        return SOLAR_CONSTANT_W_PER_M2 * (1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365.0));
    }
}
