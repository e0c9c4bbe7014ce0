package org.vpp.optimizer;

import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;

/**
 * A renewable, generator, flexible load or EV session as the solver sees it: per slot a short list of power options
 * (MW, positive = export). Curtailment never exceeds the forecast, generators are off or within {@code [min, max]} and
 * an EV draws one of its charger's steps, only while plugged, because the options are built that way. A generator's
 * unit-commitment rules and a session's energy need are kept as their model records.
 */
final class OutputFact {

    final String id;
    final OutputKind kind;
    final PriceCurve prices;
    final double[][] optionsMw;
    final double fuelCostEurPerMwh;
    final double loadEnergyMwh;
    final double loadToleranceMwh;
    /** A generator's commitment rules (null for other kinds). */
    final Generator generator;
    /** An EV session's need and capacity (null for other kinds). */
    final EvSession session;
    final double slotMinutes;

    OutputFact(String id, OutputKind kind, PriceCurve prices, double[][] optionsMw, double fuelCostEurPerMwh,
               double loadEnergyMwh, double loadToleranceMwh) {
        this(id, kind, prices, optionsMw, fuelCostEurPerMwh, loadEnergyMwh, loadToleranceMwh, null, null, 60);
    }

    OutputFact(String id, OutputKind kind, PriceCurve prices, double[][] optionsMw, double fuelCostEurPerMwh,
               double loadEnergyMwh, double loadToleranceMwh, Generator generator, EvSession session,
               double slotMinutes) {
        this.generator = generator;
        this.session = session;
        this.slotMinutes = slotMinutes;
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

    static OutputFact ofGenerator(Generator g, PriceCurve prices, double[][] optionsMw, double slotMinutes) {
        return new OutputFact(g.id(), OutputKind.GENERATOR, prices, optionsMw, g.costEurPerMwh(), 0, 0, g, null,
                slotMinutes);
    }

    static OutputFact ofEvSession(EvSession e, PriceCurve prices, double[][] optionsMw) {
        return new OutputFact(e.id(), OutputKind.EV_SESSION, prices, optionsMw, 0, 0, 0, null, e, 60);
    }

    /** Whether any rule links this generator's slots (start-up cost, ramp, minimum up or down time). */
    boolean committed() {
        return generator != null && generator.hasCommitmentRules();
    }

    @Override
    public String toString() {
        return id;
    }
}
