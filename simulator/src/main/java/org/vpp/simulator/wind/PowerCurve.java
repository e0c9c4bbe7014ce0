package org.vpp.simulator.wind;

/**
 * A wind turbine's power curve: nothing below cut-in, cubic growth up to rated speed, rated power until cut-out,
 * then nothing (the turbine feathers to protect itself).
 */
public record PowerCurve(double cutInMs, double ratedSpeedMs, double cutOutMs, double ratedPowerMw) {

    public PowerCurve {
        if (!(cutInMs >= 0 && cutInMs < ratedSpeedMs && ratedSpeedMs < cutOutMs)) {
            throw new IllegalArgumentException(
                    "need 0 <= cut-in < rated < cut-out, was " + cutInMs + ", " + ratedSpeedMs + ", " + cutOutMs);
        }
        if (!(ratedPowerMw > 0)) {
            throw new IllegalArgumentException("rated power must be positive");
        }
    }

    /** A modern onshore turbine: cut-in 3 m/s, rated 12 m/s, cut-out 25 m/s. */
    public static PowerCurve onshore(double ratedPowerMw) {
        return new PowerCurve(3, 12, 25, ratedPowerMw);
    }

    public double powerMw(double windSpeedMs) {
        return WindPower.powerMw(this, windSpeedMs);
    }
}
