package org.vpp.simulator.weather;

/** Global horizontal irradiance split into its beam (normal) and diffuse parts, all in W/m2. */
public record Irradiance(double ghiWPerM2, double dniWPerM2, double dhiWPerM2) {

    public static final Irradiance DARK = new Irradiance(0, 0, 0);

    /**
     * Erbs et al. (1982) decomposition: the diffuse fraction follows from the clearness index (GHI over the
     * extraterrestrial horizontal irradiance). Good enough to feed a transposition model.
     */
    public static Irradiance erbs(double ghiWPerM2, SunPosition sun, int dayOfYear) {
        double cosZ = sun.cosZenith();
        // Below ~87 degrees the beam term blows up numerically and carries little energy: treat it as all diffuse.
        if (ghiWPerM2 <= 0 || cosZ <= 0) {
            return DARK;
        }
        if (cosZ < 0.05) {
            return new Irradiance(ghiWPerM2, 0, ghiWPerM2);
        }
        double extraterrestrialHorizontal = SolarGeometry.extraterrestrialNormalWPerM2(dayOfYear) * cosZ;
        double kt = Math.min(1, ghiWPerM2 / extraterrestrialHorizontal);
        double diffuseFraction;
        if (kt <= 0.22) {
            diffuseFraction = 1 - 0.09 * kt;
        } else if (kt <= 0.80) {
            diffuseFraction = 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * Math.pow(kt, 3) + 12.336 * Math.pow(kt, 4);
        } else {
            diffuseFraction = 0.165;
        }
        double dhi = ghiWPerM2 * diffuseFraction;
        double dni = (ghiWPerM2 - dhi) / cosZ;
        return new Irradiance(ghiWPerM2, dni, dhi);
    }
}
