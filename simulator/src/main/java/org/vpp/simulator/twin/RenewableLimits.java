package org.vpp.simulator.twin;

/** A PV plant or wind park: its rated AC power and how fast its controller may raise output (MW/min). */
public record RenewableLimits(double ratedPowerMw, double rampUpMwPerMin) {

    public RenewableLimits {
        if (!(ratedPowerMw > 0)) {
            throw new IllegalArgumentException("rated power must be positive");
        }
        if (!(rampUpMwPerMin > 0)) {
            throw new IllegalArgumentException("ramp rate must be positive");
        }
    }
}
