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

    public Capacity plus(Capacity o) {
        return new Capacity(deviceCount + o.deviceCount, maxPowerMw + o.maxPowerMw, minPowerMw + o.minPowerMw,
                energyCapacityMwh + o.energyCapacityMwh, storedEnergyMwh + o.storedEnergyMwh, headroomMwh + o.headroomMwh,
                currentPowerMw + o.currentPowerMw, devicesWithoutTelemetry + o.devicesWithoutTelemetry);
    }

    /**
     * Power limits clipped to a grid connection of {@code limitMw} in both directions; energy is unaffected. Where
     * the devices cannot reach the connection's range at all (a generator whose minimum exceeds the limit), both
     * bounds collapse onto the device bound nearest to it: the only powers both can do, none that they cannot.
     */
    public Capacity cappedAt(double limitMw) {
        double max = Math.min(maxPowerMw, limitMw);
        double min = Math.max(minPowerMw, -limitMw);
        if (min > max) {
            double nearest = minPowerMw > limitMw ? minPowerMw : maxPowerMw;
            min = nearest;
            max = nearest;
        }
        return new Capacity(deviceCount, max, min, energyCapacityMwh, storedEnergyMwh, headroomMwh, currentPowerMw,
                devicesWithoutTelemetry);
    }

    /** How far power can still move up from now (MW). */
    public double upwardFlexMw() {
        return Math.max(0, maxPowerMw - currentPowerMw);
    }

    /** How far power can still move down from now (MW). */
    public double downwardFlexMw() {
        return Math.max(0, currentPowerMw - minPowerMw);
    }
}
