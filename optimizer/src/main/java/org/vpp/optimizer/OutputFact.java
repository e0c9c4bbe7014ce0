package org.vpp.optimizer;

/**
 * A renewable, generator or flexible load as the solver sees it: per slot a short list of power options
 * (MW, positive = export). Curtailment never exceeds the forecast and generators are off or within
 * {@code [min, max]} because the options are built that way.
 */
final class OutputFact {

    final String id;
    final OutputKind kind;
    final PriceCurve prices;
    final double[][] optionsMw;
    final double fuelCostEurPerMwh;
    final double loadEnergyMwh;
    final double loadToleranceMwh;

    OutputFact(String id, OutputKind kind, PriceCurve prices, double[][] optionsMw, double fuelCostEurPerMwh,
               double loadEnergyMwh, double loadToleranceMwh) {
        this.id = id;
        this.kind = kind;
        this.prices = prices;
        this.optionsMw = optionsMw;
        this.fuelCostEurPerMwh = fuelCostEurPerMwh;
        this.loadEnergyMwh = loadEnergyMwh;
        this.loadToleranceMwh = loadToleranceMwh;
    }

    int nearestOption(int slot, double mw) {
        int best = 0;
        for (int i = 1; i < optionsMw[slot].length; i++) {
            if (Math.abs(optionsMw[slot][i] - mw) < Math.abs(optionsMw[slot][best] - mw)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return id;
    }
}
