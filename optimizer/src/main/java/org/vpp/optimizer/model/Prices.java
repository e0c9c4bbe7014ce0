package org.vpp.optimizer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices per slot in EUR/MWh. The objective is linear in price, so scenarios enter it through their
 * probability-weighted mean; they are kept so that a caller can report per-scenario revenue.
 */
public record Prices(List<Double> expectedEurPerMwh, List<PriceScenario> scenarios) {

    public Prices {
        expectedEurPerMwh = List.copyOf(expectedEurPerMwh);
        scenarios = List.copyOf(scenarios);
    }

    public static Prices expected(List<Double> eurPerMwh) {
        return new Prices(eurPerMwh, List.of());
    }

    /** Expected prices as the probability-weighted mean of the scenarios (probabilities must sum to 1). */
    public static Prices fromScenarios(List<PriceScenario> scenarios) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario");
        }
        double total = scenarios.stream().mapToDouble(PriceScenario::probability).sum();
        if (Math.abs(total - 1.0) > 1e-6) {
            throw new IllegalArgumentException("scenario probabilities must sum to 1, got " + total);
        }
        int n = scenarios.getFirst().eurPerMwh().size();
        List<Double> mean = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double sum = 0;
            for (PriceScenario s : scenarios) {
                sum += s.probability() * s.eurPerMwh().get(t);
            }
            mean.add(sum);
        }
        return new Prices(mean, scenarios);
    }

    public double at(int slot) {
        return expectedEurPerMwh.get(slot);
    }
}
