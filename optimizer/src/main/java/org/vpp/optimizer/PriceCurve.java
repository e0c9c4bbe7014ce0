package org.vpp.optimizer;

/** Expected prices (EUR/MWh) per slot and the slot length, shared by all facts of one problem. */
final class PriceCurve {

    private final double[] eurPerMwh;
    private final double slotHours;

    PriceCurve(double[] eurPerMwh, double slotHours) {
        this.eurPerMwh = eurPerMwh.clone();
        this.slotHours = slotHours;
    }

    double at(int slot) {
        return eurPerMwh[slot];
    }

    double slotHours() {
        return slotHours;
    }

    int slotCount() {
        return eurPerMwh.length;
    }
}
