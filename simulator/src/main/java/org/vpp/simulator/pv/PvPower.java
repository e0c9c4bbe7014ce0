package org.vpp.simulator.pv;

/** PV output as a pure function of plane-of-array irradiance and air temperature. */
public final class PvPower {

    private static final double STC_IRRADIANCE_W_PER_M2 = 1000;
    private static final double STC_CELL_TEMPERATURE_C = 25;
    // NOCT is defined at 800 W/m2 and 20 degC air.
    private static final double NOCT_IRRADIANCE_W_PER_M2 = 800;
    private static final double NOCT_AIR_TEMPERATURE_C = 20;

    private PvPower() {
    }

    public static double cellTemperatureC(double poaWPerM2, double airTemperatureC, double noctC) {
        return airTemperatureC + (noctC - NOCT_AIR_TEMPERATURE_C) / NOCT_IRRADIANCE_W_PER_M2 * poaWPerM2;
    }

    /** AC power: DC from irradiance, derated by cell temperature and losses, then clipped by the inverter. */
    public static double acPowerMw(double poaWPerM2, double airTemperatureC, PvSystem system) {
        if (poaWPerM2 <= 0) {
            return 0;
        }
        double cellC = cellTemperatureC(poaWPerM2, airTemperatureC, system.noctC());
        double thermalFactor = 1 + system.temperatureCoefficientPerC() * (cellC - STC_CELL_TEMPERATURE_C);
        double dcMw = system.dcPeakMw() * poaWPerM2 / STC_IRRADIANCE_W_PER_M2 * Math.max(0, thermalFactor)
                * (1 - system.systemLossFraction());
        return Math.min(system.inverterRatedMw(), Math.max(0, dcMw));
    }
}
