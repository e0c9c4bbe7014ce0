package org.vpp.optimizer.model;

import java.util.List;

/**
 * A flexible load: its consumption (MW, positive numbers) lies per slot within bounds and its total energy
 * over the horizon is fixed (within {@code energyToleranceMwh}). In the schedule its power is negative (consumption).
 */
public record FlexibleLoad(String id, double energyMwh, double energyToleranceMwh, List<Double> minConsumptionMw,
                           List<Double> maxConsumptionMw) {

    public FlexibleLoad {
        minConsumptionMw = List.copyOf(minConsumptionMw);
        maxConsumptionMw = List.copyOf(maxConsumptionMw);
        if (minConsumptionMw.size() != maxConsumptionMw.size() || energyMwh < 0 || energyToleranceMwh < 0) {
            throw new IllegalArgumentException("flexible load " + id + ": bounds of equal length, energy and tolerance >= 0");
        }
        for (int t = 0; t < minConsumptionMw.size(); t++) {
            if (minConsumptionMw.get(t) < 0 || maxConsumptionMw.get(t) < minConsumptionMw.get(t)) {
                throw new IllegalArgumentException("flexible load " + id + ": need 0 <= min <= max in slot " + t);
            }
        }
    }
}
