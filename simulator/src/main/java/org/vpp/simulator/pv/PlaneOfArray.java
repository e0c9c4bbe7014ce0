package org.vpp.simulator.pv;

import org.vpp.simulator.weather.Irradiance;
import org.vpp.simulator.weather.SunPosition;

/** Irradiance on a tilted panel from beam, diffuse and ground-reflected parts (isotropic-sky transposition). */
public final class PlaneOfArray {

    private PlaneOfArray() {
    }

    /** Cosine of the angle between the sun and the panel normal; negative when the sun is behind the panel. */
    public static double cosAngleOfIncidence(SunPosition sun, double tiltDeg, double panelAzimuthDeg) {
        double z = Math.toRadians(sun.zenithDeg());
        double t = Math.toRadians(tiltDeg);
        double deltaAzimuth = Math.toRadians(sun.azimuthDeg() - panelAzimuthDeg);
        return Math.cos(z) * Math.cos(t) + Math.sin(z) * Math.sin(t) * Math.cos(deltaAzimuth);
    }

    public static double irradianceWPerM2(Irradiance sky, SunPosition sun, double tiltDeg, double panelAzimuthDeg,
            double albedo) {
        if (!sun.isAboveHorizon() || sky.ghiWPerM2() <= 0) {
            return 0;
        }
        double tilt = Math.toRadians(tiltDeg);
        double beam = sky.dniWPerM2() * Math.max(0, cosAngleOfIncidence(sun, tiltDeg, panelAzimuthDeg));
        double diffuse = sky.dhiWPerM2() * (1 + Math.cos(tilt)) / 2;
        double reflected = sky.ghiWPerM2() * albedo * (1 - Math.cos(tilt)) / 2;
        return beam + diffuse + reflected;
    }
}
