package org.vpp.simulator.twin;

/**
 * A dispatchable generator: when running its output lies in [min, max] MW; starting and stopping (between 0 and
 * min) is taken as instantaneous, ramps apply within the running range.
 */
public record GeneratorLimits(double minPowerMw, double maxPowerMw, double rampRateMwPerMin) {

    public GeneratorLimits {
        if (!(minPowerMw >= 0 && minPowerMw <= maxPowerMw && maxPowerMw > 0)) {
            throw new IllegalArgumentException("need 0 <= min <= max and max > 0");
        }
        if (!(rampRateMwPerMin > 0)) {
            throw new IllegalArgumentException("ramp rate must be positive");
        }
    }
}
