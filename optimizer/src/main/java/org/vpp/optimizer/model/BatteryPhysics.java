package org.vpp.optimizer.model;

/** The battery arithmetic shared by the model, the LP, the checks and the disaggregation. */
public final class BatteryPhysics {

    private BatteryPhysics() {
    }

    /**
     * Net grid energy (MWh, positive = export) of a change of the state of charge: charging {@code delta > 0}
     * draws {@code delta / etaCharge}, discharging delivers {@code -delta * etaDischarge}.
     */
    public static double gridEnergyMwh(double deltaSocMwh, double chargeEfficiency, double dischargeEfficiency) {
        return deltaSocMwh > 0 ? -deltaSocMwh / chargeEfficiency : -deltaSocMwh * dischargeEfficiency;
    }

    /** The change of the state of charge (MWh) caused by a net grid energy (MWh, positive = export). */
    public static double deltaSocMwh(double gridEnergyMwh, double chargeEfficiency, double dischargeEfficiency) {
        return gridEnergyMwh < 0 ? -gridEnergyMwh * chargeEfficiency : -gridEnergyMwh / dischargeEfficiency;
    }
}
