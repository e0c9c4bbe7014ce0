package org.vpp.simulator.wind;

/** Pure functions from wind speed to turbine power. */
public final class WindPower {

    private WindPower() {
    }

    /** Interpolates in v^3 between cut-in and rated, so the curve is continuous at both ends. */
    public static double powerMw(PowerCurve curve, double windSpeedMs) {
        double v = windSpeedMs;
        if (!(v >= curve.cutInMs()) || v >= curve.cutOutMs()) {
            return 0;
        }
        if (v >= curve.ratedSpeedMs()) {
            return curve.ratedPowerMw();
        }
        double cutIn3 = Math.pow(curve.cutInMs(), 3);
        double fraction = (Math.pow(v, 3) - cutIn3) / (Math.pow(curve.ratedSpeedMs(), 3) - cutIn3);
        return curve.ratedPowerMw() * fraction;
    }

    /** Power-law wind shear; alpha ~ 1/7 over open land. */
    public static double speedAtHeightMs(double speedMs, double referenceHeightM, double hubHeightM, double alpha) {
        if (!(referenceHeightM > 0) || !(hubHeightM > 0)) {
            throw new IllegalArgumentException("heights must be positive");
        }
        return speedMs * Math.pow(hubHeightM / referenceHeightM, alpha);
    }
}
