package org.vpp.optimizer.model;

import java.util.List;

/** One price scenario (EUR/MWh per slot) with its probability. */
public record PriceScenario(double probability, List<Double> eurPerMwh) {

    public PriceScenario {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in [0, 1]");
        }
        eurPerMwh = List.copyOf(eurPerMwh);
    }
}
