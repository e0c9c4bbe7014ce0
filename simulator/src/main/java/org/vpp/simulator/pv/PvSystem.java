package org.vpp.simulator.pv;

/**
 * A PV plant: DC peak power at standard test conditions, the inverter's AC rating (the plant never exceeds it),
 * panel orientation (azimuth clockwise from north: 180 = south), and the thermal and loss parameters.
 */
public record PvSystem(
        double dcPeakMw,
        double inverterRatedMw,
        double tiltDeg,
        double azimuthDeg,
        double noctC,
        double temperatureCoefficientPerC,
        double systemLossFraction,
        double groundAlbedo) {

    public PvSystem {
        if (!(dcPeakMw > 0) || !(inverterRatedMw > 0)) {
            throw new IllegalArgumentException("DC peak and inverter rating must be positive");
        }
        if (tiltDeg < 0 || tiltDeg > 90) {
            throw new IllegalArgumentException("tilt must be in [0, 90], was " + tiltDeg);
        }
        if (systemLossFraction < 0 || systemLossFraction >= 1) {
            throw new IllegalArgumentException("system losses must be in [0, 1)");
        }
        if (groundAlbedo < 0 || groundAlbedo > 1) {
            throw new IllegalArgumentException("albedo must be in [0, 1]");
        }
    }

    /**
     * Typical crystalline-silicon plant: DC/AC ratio 1.2, NOCT 45 degC, -0.4 %/degC, 14 % system losses, albedo 0.2.
     */
    public static PvSystem typical(double inverterRatedMw, double tiltDeg, double azimuthDeg) {
        return new PvSystem(1.2 * inverterRatedMw, inverterRatedMw, tiltDeg, azimuthDeg, 45, -0.004, 0.14, 0.2);
    }
}
