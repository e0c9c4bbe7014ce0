package org.vpp.optimizer.model;

import java.util.List;

/**
 * An electric vehicle plugged into a charger for one session: it may charge in slots {@code arrivalSlot} (inclusive)
 * to {@code departureSlot} (exclusive), at one of the charger's discrete {@code powerStepsMw} or not at all, and wants
 * {@code energyNeededMwh} by departure (energy measured at the charger's meter).
 *
 * <p>The energy-by-departure rule is soft: each MWh missing at departure costs {@code shortfallEurPerMwh}, the price at
 * which the operator compensates the driver. A session whose need cannot be met (too short, too slow a charger) still
 * has a best schedule, which a hard rule would not give. The car's free capacity, {@code maxEnergyMwh} (at least the
 * need), is hard: no schedule charges more than the car takes.
 */
public record EvSession(String id, int arrivalSlot, int departureSlot, double energyNeededMwh, double maxEnergyMwh,
                        List<Double> powerStepsMw, double shortfallEurPerMwh) {

    public EvSession {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("EV session id is required");
        }
        powerStepsMw = List.copyOf(powerStepsMw);
        if (arrivalSlot < 0 || departureSlot <= arrivalSlot) {
            throw new IllegalArgumentException("EV session " + id + ": need 0 <= arrival < departure, got "
                    + arrivalSlot + ".." + departureSlot);
        }
        if (!(energyNeededMwh >= 0) || !(maxEnergyMwh >= energyNeededMwh) || Double.isInfinite(maxEnergyMwh)) {
            throw new IllegalArgumentException("EV session " + id + ": need 0 <= energy needed <= free capacity (finite)");
        }
        if (powerStepsMw.isEmpty() || powerStepsMw.stream().anyMatch(p -> !(p > 0) || Double.isInfinite(p))) {
            throw new IllegalArgumentException("EV session " + id + ": the charger needs at least one power step > 0");
        }
        if (!(shortfallEurPerMwh >= 0) || Double.isInfinite(shortfallEurPerMwh)) {
            throw new IllegalArgumentException("EV session " + id + ": the shortfall price must be >= 0 and finite");
        }
    }

    public boolean plugged(int slot) {
        return slot >= arrivalSlot && slot < departureSlot;
    }

    /** Whether {@code consumptionMw} is a power this charger can draw (0 or one of its steps). */
    public boolean isStep(double consumptionMw, double epsilon) {
        return Math.abs(consumptionMw) <= epsilon || powerStepsMw.stream().anyMatch(p -> Math.abs(p - consumptionMw) <= epsilon);
    }
}
