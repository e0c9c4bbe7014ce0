package org.vpp.simulator.twin;

import java.time.Duration;

/**
 * PV or wind over one step. The setpoint is a cap on injection (curtailment down to 0); output can never exceed
 * the available resource, and only increases are ramp-limited because a drop in sun or wind is not controllable.
 */
public final class RenewablePhysics {

    private RenewablePhysics() {
    }

    public static StepOutcome step(double previousPowerMw, RenewableLimits limits, double availableMw,
            double setpointMw, Duration dt) {
        double rampMw = limits.rampUpMwPerMin() * Clamp.minutes(dt);
        double resourceMw = Math.max(0, Math.min(availableMw, limits.ratedPowerMw()));
        Clamp power = new Clamp(setpointMw)
                .within(0, limits.ratedPowerMw(), Limitation.POWER_LIMITED)
                .within(0, resourceMw, Limitation.RESOURCE_LIMITED)
                .within(0, Math.max(0, previousPowerMw) + rampMw, Limitation.RAMP_LIMITED);
        return power.outcome(setpointMw);
    }
}
