package org.vpp.simulator.weather;

/** Clear-sky irradiance models: pure functions of the sun's zenith angle. */
public final class ClearSky {

    private ClearSky() {
    }

    /**
     * Haurwitz (1945) clear-sky global horizontal irradiance. It needs nothing but the zenith and stays within a few
     * percent of Ineichen for mid-latitude Europe; its peak (sun at zenith) is 1098*e^-0.057 ~ 1037 W/m2.
     */
    public static double haurwitzGhiWPerM2(double zenithDeg) {
        double cosZ = Math.cos(Math.toRadians(zenithDeg));
        if (cosZ <= 0) {
            return 0;
        }
        return 1098 * cosZ * Math.exp(-0.057 / cosZ);
    }

    /**
     * Kasten and Czeplak (1980): fraction of clear-sky irradiance reaching the ground under a cloud cover in [0,1];
     * overcast still lets a quarter through as diffuse light.
     */
    public static double clearSkyIndex(double cloudCover) {
        double c = Math.max(0, Math.min(1, cloudCover));
        return 1 - 0.75 * Math.pow(c, 3.4);
    }
}
