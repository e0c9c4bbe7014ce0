package org.vpp.simulator.weather;

/** Topocentric sun position in degrees: zenith from vertical, azimuth clockwise from north. */
public record SunPosition(double zenithDeg, double azimuthDeg) {

    public double elevationDeg() {
        return 90 - zenithDeg;
    }

    public boolean isAboveHorizon() {
        return zenithDeg < 90;
    }

    public double cosZenith() {
        return Math.cos(Math.toRadians(zenithDeg));
    }
}
