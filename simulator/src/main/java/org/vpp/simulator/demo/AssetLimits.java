package org.vpp.simulator.demo;

/**
 * Technical limits of an asset. Values that do not apply to a kind are neutral: zero capacity and SoC bounds [0, 1]
 * without storage, efficiency 1 where nothing is converted, zero grid-connection limit below site level.
 */
public record AssetLimits(
        double minPowerMw,
        double maxPowerMw,
        double energyCapacityMwh,
        double chargeEfficiency,
        double dischargeEfficiency,
        double rampRateMwPerMin,
        double minSoc,
        double maxSoc,
        double reserveSoc,
        double gridConnectionLimitMw) {

    public static AssetLimits group() {
        return new AssetLimits(0, 0, 0, 1, 1, 0, 0, 1, 0, 0);
    }

    public static AssetLimits site(double gridConnectionLimitMw) {
        return new AssetLimits(0, 0, 0, 1, 1, 0, 0, 1, 0, gridConnectionLimitMw);
    }

    public static AssetLimits device(double minPowerMw, double maxPowerMw, double rampRateMwPerMin) {
        return new AssetLimits(minPowerMw, maxPowerMw, 0, 1, 1, rampRateMwPerMin, 0, 1, 0, 0);
    }

    public static AssetLimits storage(double powerMw, double capacityMwh, double efficiency, double rampRateMwPerMin,
            double minSoc, double maxSoc, double reserveSoc) {
        return new AssetLimits(-powerMw, powerMw, capacityMwh, efficiency, efficiency, rampRateMwPerMin, minSoc,
                maxSoc, reserveSoc, 0);
    }
}
