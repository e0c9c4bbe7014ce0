package org.vpp.messages.fleet;

/**
 * Capacity of a set of devices, summed (and capped by grid-connection limits for the available view).
 *
 * @param deviceCount             devices counted
 * @param maxPowerMw              highest total power (injection positive)
 * @param minPowerMw              lowest total power (consumption negative)
 * @param energyCapacityMwh       storage capacity the VPP may use: capacity x (maxSoc - max(minSoc, reserve))
 * @param storedEnergyMwh         energy the storage can deliver now, above its floor (known SoC only)
 * @param headroomMwh             energy the storage can absorb now, up to maxSoc (known SoC only)
 * @param currentPowerMw          sum of the latest power readings
 * @param devicesWithoutTelemetry devices counted here that never reported (their SoC and power are unknown)
 */
public record Capacity(int deviceCount, double maxPowerMw, double minPowerMw, double energyCapacityMwh,
                       double storedEnergyMwh, double headroomMwh, double currentPowerMw, int devicesWithoutTelemetry) {

    public static final Capacity ZERO = new Capacity(0, 0, 0, 0, 0, 0, 0, 0);

    /** How far power can still move up from now (MW). */
    public double upwardFlexMw() {
        return Math.max(0, maxPowerMw - currentPowerMw);
    }

    /** How far power can still move down from now (MW). */
    public double downwardFlexMw() {
        return Math.max(0, currentPowerMw - minPowerMw);
    }
}
