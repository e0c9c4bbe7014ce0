package org.vpp.simulator.twin;

import java.time.Duration;

/** A dispatchable generator over one step: off, or running between its minimum stable output and its maximum. */
public final class GeneratorPhysics {

    private GeneratorPhysics() {
    }

    public static StepOutcome step(double previousPowerMw, GeneratorLimits limits, double setpointMw, Duration dt) {
        double rampMw = limits.rampRateMwPerMin() * Clamp.minutes(dt);
        boolean wantsOff = setpointMw <= limits.minPowerMw() / 2;
        if (wantsOff) {
            Clamp off = new Clamp(setpointMw).within(0, 0, Limitation.POWER_LIMITED);
            // Above minimum it must ramp down to minimum before it can stop.
            if (previousPowerMw > limits.minPowerMw() + rampMw) {
                off = new Clamp(setpointMw).within(previousPowerMw - rampMw, previousPowerMw, Limitation.RAMP_LIMITED);
            }
            return off.outcome(setpointMw);
        }
        double base = previousPowerMw < limits.minPowerMw() ? limits.minPowerMw() : previousPowerMw;
        Clamp power = new Clamp(setpointMw)
                .within(limits.minPowerMw(), limits.maxPowerMw(), Limitation.POWER_LIMITED)
                .within(base - rampMw, base + rampMw, Limitation.RAMP_LIMITED)
                .within(limits.minPowerMw(), limits.maxPowerMw(), Limitation.POWER_LIMITED);
        return power.outcome(setpointMw);
    }
}
