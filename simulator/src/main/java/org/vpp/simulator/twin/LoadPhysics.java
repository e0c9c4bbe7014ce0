package org.vpp.simulator.twin;

/**
 * A consumer over one step. Its demand (negative MW) comes from its profile; a flexible share of it may be shed on
 * request, but it cannot consume more than it needs nor inject.
 */
public final class LoadPhysics {

    private LoadPhysics() {
    }

    public static StepOutcome step(double demandMw, double flexibleFraction, double setpointMw) {
        double demand = Math.min(0, demandMw);
        double leastConsumptionMw = demand * (1 - flexibleFraction);
        Clamp power = new Clamp(setpointMw)
                .within(demand, 0, Limitation.RESOURCE_LIMITED)
                .within(demand, leastConsumptionMw, Limitation.POWER_LIMITED);
        return power.outcome(setpointMw);
    }
}
