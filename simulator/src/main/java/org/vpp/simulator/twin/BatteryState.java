package org.vpp.simulator.twin;

/** A battery's exact internal state: power held over the last step (MW) and state of charge in [0, 1]. */
public record BatteryState(double powerMw, double soc) {

    public BatteryState {
        if (!(soc >= 0 && soc <= 1)) {
            throw new IllegalArgumentException("SoC must be in [0, 1], was " + soc);
        }
    }

    public double storedEnergyMwh(BatteryLimits limits) {
        return soc * limits.capacityMwh();
    }
}
