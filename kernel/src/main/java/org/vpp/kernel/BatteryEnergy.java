package org.vpp.kernel;

/**
 * A battery's energy arithmetic over one slot, the one formula the optimizer, its LP, its checks and the simulator's
 * twins share. Grid energy is what flows at the terminals (positive = export, discharging); stored energy is what the
 * cells gain (positive) or lose. Charging stores less than it draws ({@code x chargeEfficiency}); discharging draws
 * more from the cells than it delivers ({@code / dischargeEfficiency}).
 */
public final class BatteryEnergy {

    private BatteryEnergy() {
    }

    /** The change of the stored energy (MWh) caused by a grid energy (MWh, positive = export). */
    public static double storedChangeMwh(double gridEnergyMwh, double chargeEfficiency, double dischargeEfficiency) {
        return gridEnergyMwh < 0 ? -gridEnergyMwh * chargeEfficiency : -gridEnergyMwh / dischargeEfficiency;
    }

    /** The grid energy (MWh, positive = export) that changes the stored energy by {@code storedChangeMwh}. */
    public static double gridEnergyMwh(double storedChangeMwh, double chargeEfficiency, double dischargeEfficiency) {
        return storedChangeMwh > 0 ? -storedChangeMwh / chargeEfficiency : -storedChangeMwh * dischargeEfficiency;
    }

    /** Typed front of {@link #storedChangeMwh(double, double, double)}: a constant power held for a slot. */
    public static MegawattHours storedChange(Megawatts power, java.time.Duration slot, double chargeEfficiency,
                                             double dischargeEfficiency) {
        return new MegawattHours(storedChangeMwh(power.over(slot).value(), chargeEfficiency, dischargeEfficiency));
    }
}
