package org.vpp.simulator.twin;

/**
 * Technical limits of a battery. Power: negative = charging. Self-discharge is the fraction of stored energy lost per
 * hour; a ramp rate of {@code Double.POSITIVE_INFINITY} means the inverter follows instantly.
 * Not the kernel's {@code TechnicalLimits} (what the registry holds): these are the twin's physics, self-discharge included.
 */
public record BatteryLimits(
        double minPowerMw,
        double maxPowerMw,
        double capacityMwh,
        double minSoc,
        double maxSoc,
        double chargeEfficiency,
        double dischargeEfficiency,
        double rampRateMwPerMin,
        double selfDischargePerHour) {

    public BatteryLimits {
        if (!(minPowerMw <= 0 && maxPowerMw >= 0)) {
            throw new IllegalArgumentException("a battery needs min power <= 0 <= max power");
        }
        if (!(capacityMwh > 0)) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (!(0 <= minSoc && minSoc < maxSoc && maxSoc <= 1)) {
            throw new IllegalArgumentException("need 0 <= min SoC < max SoC <= 1");
        }
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1 && dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        if (!(rampRateMwPerMin > 0)) {
            throw new IllegalArgumentException("ramp rate must be positive");
        }
        if (!(selfDischargePerHour >= 0 && selfDischargePerHour < 1)) {
            throw new IllegalArgumentException("self-discharge must be in [0, 1)");
        }
    }
}
