package org.vpp.optimizer;

/** The score's integer units: hard in Wh of violated limits, soft in milli-EUR. */
final class Units {

    static final double WH_PER_MWH = 1_000_000.0;
    static final double MILLI_EUR_PER_EUR = 1_000.0;

    private Units() {
    }

    static long wh(double mwh) {
        return Math.round(mwh * WH_PER_MWH);
    }

    /** A violation in Wh, at least 1 Wh when anything at all is violated, so no breach hides in rounding. */
    static long violationWh(double excessMwh) {
        return excessMwh <= 0 ? 0 : Math.max(1, Math.round(excessMwh * WH_PER_MWH));
    }

    static long milliEur(double eur) {
        return Math.round(eur * MILLI_EUR_PER_EUR);
    }
}
