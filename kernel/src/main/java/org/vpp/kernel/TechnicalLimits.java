package org.vpp.kernel;

/**
 * Technical limits of an asset. Units are in the names; power is positive for injection (generation, discharge)
 * and negative for consumption (load, charging). Fields that do not apply to a kind are null: storage fields for
 * non-storage devices, power fields for groups, the grid-connection limit for devices. The JSON shape of stored
 * events is the component names below: rename none of them.
 *
 * @param minPowerMw            lowest power the device can be driven to (MW, negative = consumption)
 * @param maxPowerMw            highest power the device can be driven to (MW)
 * @param energyCapacityMwh     nameplate storage capacity (storage only)
 * @param chargeEfficiency      fraction of grid energy stored when charging, in (0,1] (storage only)
 * @param dischargeEfficiency   fraction of stored energy delivered when discharging, in (0,1] (storage only)
 * @param rampRateMwPerMin      fastest change of power (MW/min); null = unconstrained
 * @param minSoc                lowest state of charge the device may reach, in [0,1] (storage only)
 * @param maxSoc                highest state of charge, in [0,1] (storage only)
 * @param reserveSoc            backup reserve the VPP may never use, in [0,maxSoc] (storage only)
 * @param gridConnectionLimitMw limit of the node's grid connection in both directions (groups only); null = none
 */
public record TechnicalLimits(
        Double minPowerMw,
        Double maxPowerMw,
        Double energyCapacityMwh,
        Double chargeEfficiency,
        Double dischargeEfficiency,
        Double rampRateMwPerMin,
        Double minSoc,
        Double maxSoc,
        Double reserveSoc,
        Double gridConnectionLimitMw) {

    /**
     * Physically plausible magnitudes, the documented input limits (README, "Input limits"). The largest power plant
     * on Earth is about 22 GW, so 100 GW bounds any power of a VPP node, limit or reading; 1 TWh bounds any storage;
     * a ramp across the whole power range in one minute bounds any ramp rate. With these bounds no roll-up over the
     * fleet can overflow a double: even 2^31 devices at 1 TWh sum to about 2e15.
     */
    public static final double MAX_ABS_POWER_MW = 100_000;
    public static final double MAX_ENERGY_MWH = 1_000_000;
    public static final double MAX_RAMP_MW_PER_MIN = 2 * MAX_ABS_POWER_MW;

    public static final TechnicalLimits NONE = new TechnicalLimits(null, null, null, null, null, null, null, null, null, null);

    public static TechnicalLimits groupWithGridLimit(Double gridConnectionLimitMw) {
        return new TechnicalLimits(null, null, null, null, null, null, null, null, null, gridConnectionLimitMw);
    }

    public static TechnicalLimits power(double minPowerMw, double maxPowerMw, Double rampRateMwPerMin) {
        return new TechnicalLimits(minPowerMw, maxPowerMw, null, null, null, rampRateMwPerMin, null, null, null, null);
    }

    public static TechnicalLimits storage(double minPowerMw, double maxPowerMw, double energyCapacityMwh,
                                          double chargeEfficiency, double dischargeEfficiency, Double rampRateMwPerMin,
                                          double minSoc, double maxSoc, double reserveSoc) {
        return new TechnicalLimits(minPowerMw, maxPowerMw, energyCapacityMwh, chargeEfficiency, dischargeEfficiency,
                rampRateMwPerMin, minSoc, maxSoc, reserveSoc, null);
    }

    /** The lowest state of charge the VPP may use: the higher of the SoC floor and the backup reserve. */
    public double usableSocFloor() {
        return Math.max(minSocOr(0), reserveSocOr(0));
    }

    // Readers for code that needs a number: the value, or {@code absent} where the field does not apply.

    public double minPowerOr(double absent) {
        return or(minPowerMw, absent);
    }

    public double maxPowerOr(double absent) {
        return or(maxPowerMw, absent);
    }

    public double energyCapacityOr(double absent) {
        return or(energyCapacityMwh, absent);
    }

    public double chargeEfficiencyOr(double absent) {
        return or(chargeEfficiency, absent);
    }

    public double dischargeEfficiencyOr(double absent) {
        return or(dischargeEfficiency, absent);
    }

    public double rampRateOr(double absent) {
        return or(rampRateMwPerMin, absent);
    }

    public double minSocOr(double absent) {
        return or(minSoc, absent);
    }

    public double maxSocOr(double absent) {
        return or(maxSoc, absent);
    }

    public double reserveSocOr(double absent) {
        return or(reserveSoc, absent);
    }

    public double gridConnectionLimitOr(double absent) {
        return or(gridConnectionLimitMw, absent);
    }

    private static double or(Double value, double absent) {
        return value == null ? absent : value;
    }
}
