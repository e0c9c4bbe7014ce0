package org.vpp.optimizer.model;

/**
 * What a schedule is worth, in EUR ({@code degradationCostEur}: throughput wear and the depth term of
 * {@link Battery}): energy revenue at the expected prices, minus degradation, fuel, the terminal
 * state-of-charge shortfall, generator start-ups and the energy EV sessions miss at departure. {@code objectiveEur} is
 * what the optimizer maximises.
 */
public record Valuation(double energyRevenueEur, double degradationCostEur, double fuelCostEur,
                        double terminalShortfallCostEur, double startUpCostEur, double evShortfallCostEur) {

    /** A schedule without generator start-ups or EV sessions (and one stored before they existed). */
    public Valuation(double energyRevenueEur, double degradationCostEur, double fuelCostEur,
                     double terminalShortfallCostEur) {
        this(energyRevenueEur, degradationCostEur, fuelCostEur, terminalShortfallCostEur, 0.0, 0.0);
    }

    public double objectiveEur() {
        return energyRevenueEur - degradationCostEur - fuelCostEur - terminalShortfallCostEur - startUpCostEur
                - evShortfallCostEur;
    }
}
