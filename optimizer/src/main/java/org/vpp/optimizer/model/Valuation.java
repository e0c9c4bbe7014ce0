package org.vpp.optimizer.model;

/**
 * What a schedule is worth, in EUR: energy revenue at the expected prices, minus degradation, fuel and the
 * terminal state-of-charge shortfall. {@code objectiveEur} is what the optimizer maximises.
 */
public record Valuation(double energyRevenueEur, double degradationCostEur, double fuelCostEur,
                        double terminalShortfallCostEur) {

    public double objectiveEur() {
        return energyRevenueEur - degradationCostEur - fuelCostEur - terminalShortfallCostEur;
    }
}
