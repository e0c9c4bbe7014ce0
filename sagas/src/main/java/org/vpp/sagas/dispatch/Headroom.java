package org.vpp.sagas.dispatch;

import java.time.Duration;

import org.vpp.kernel.BatteryEnergy;
import org.vpp.kernel.TechnicalLimits;

/**
 * How far a device's power can move from a setpoint and hold there for a whole period: the one rule the
 * re-dispatch, the manual allocation and the following of a partial clearing share. Pure.
 * <ul>
 *   <li>batteries: within min/max power, and within the energy between the usable floor (the higher of the SoC
 *       floor and the backup reserve) and the SoC ceiling at the given state of charge, efficiencies applied
 *       ({@link BatteryEnergy}); an unknown state of charge is taken as the floor for upward moves and the ceiling
 *       for downward ones, so nothing is promised from energy that may not be there;</li>
 *   <li>generators: up to max power; down to min power while running, not at all when off (a unit at 0 is off);</li>
 *   <li>PV and wind: down by curtailment to 0, never up (their setpoint is what the weather was forecast to give);</li>
 *   <li>loads and EV chargers: not controllable, no headroom;</li>
 *   <li>every move at most the ramp rate times the period's minutes.</li>
 * </ul>
 */
public final class Headroom {

    private Headroom() {
    }

    /** Both directions as non-negative MW: {@code downMw} below the setpoint, {@code upMw} above it. */
    public record Range(double downMw, double upMw) {

        public static final Range NONE = new Range(0, 0);

        /** The headroom in the direction of {@code signedMw} (positive: up). */
        public double toward(double signedMw) {
            return signedMw >= 0 ? upMw : downMw;
        }
    }

    public static Range of(DispatchDevice device, double setpointMw, Double soc, Duration period) {
        if (!device.controllable()) return Range.NONE;
        TechnicalLimits l = device.limits();
        double hours = period.toNanos() / 3_600_000_000_000.0;
        double ramp = l.rampRateOr(Double.POSITIVE_INFINITY) * period.toSeconds() / 60.0;
        double up;
        double down;
        switch (device.kind()) {
            case BATTERY -> {
                double[] range = batteryRange(device, soc, period);
                up = range[1] - setpointMw;
                down = setpointMw - range[0];
            }
            case GENERATOR -> {
                up = l.maxPowerOr(0) - setpointMw;
                down = setpointMw > 0 ? setpointMw - Math.max(0, l.minPowerOr(0)) : 0;
            }
            case PV, WIND -> {
                up = 0;
                down = Math.max(0, setpointMw);
            }
            default -> {
                return Range.NONE;
            }
        }
        return new Range(clip(down, ramp), clip(up, ramp));
    }

    /**
     * The mean powers {@code [min, max]} (MW) a battery can hold for the whole period from a state of charge: its power
     * limits narrowed by the energy it holds above its usable floor and the room it has below its ceiling, efficiencies
     * applied. An unknown state of charge allows neither (both 0 where the limits allow 0).
     */
    public static double[] batteryRange(DispatchDevice device, Double soc, Duration period) {
        TechnicalLimits l = device.limits();
        double hours = period.toNanos() / 3_600_000_000_000.0;
        double capacity = l.energyCapacityOr(0);
        double dischargeable = soc == null ? 0 : Math.max(0, (soc - l.usableSocFloor()) * capacity);
        double chargeable = soc == null ? 0 : Math.max(0, (l.maxSocOr(1) - soc) * capacity);
        double ce = l.chargeEfficiencyOr(1);
        double de = l.dischargeEfficiencyOr(1);
        double maxByEnergy = hours <= 0 ? 0 : BatteryEnergy.gridEnergyMwh(-dischargeable, ce, de) / hours;
        double minByEnergy = hours <= 0 ? 0 : BatteryEnergy.gridEnergyMwh(chargeable, ce, de) / hours;
        return new double[] {Math.max(l.minPowerOr(0), minByEnergy), Math.min(l.maxPowerOr(0), maxByEnergy)};
    }

    private static double clip(double value, double ramp) {
        return Math.max(0, Math.min(value, ramp));
    }
}
