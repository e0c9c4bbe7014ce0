package org.vpp.optimizer.model;

/**
 * A battery and its limits. Energies in MWh (absolute, not fractions), powers in MW, ramp in MW/min.
 * The VPP may use the state of charge between {@code max(socMinMwh, reserveMwh)} and {@code socMaxMwh};
 * the reserve is the owner's backup energy. Degradation is charged per MWh of cell throughput. Below the
 * terminal target each missing MWh costs {@code terminalValueEurPerMwh}.
 */
public record Battery(
        String id,
        double capacityMwh,
        double socMinMwh,
        double socMaxMwh,
        double reserveMwh,
        double initialSocMwh,
        double chargeEfficiency,
        double dischargeEfficiency,
        double maxChargeMw,
        double maxDischargeMw,
        double rampMwPerMin,
        double degradationEurPerMwh,
        double terminalTargetMwh,
        double terminalValueEurPerMwh) {

    public Battery {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("battery id is required");
        }
        if (capacityMwh <= 0 || socMinMwh < 0 || socMaxMwh > capacityMwh + 1e-9 || socMinMwh > socMaxMwh) {
            throw new IllegalArgumentException("battery " + id + ": need 0 <= socMin <= socMax <= capacity");
        }
        if (reserveMwh < 0 || reserveMwh > socMaxMwh) {
            throw new IllegalArgumentException("battery " + id + ": reserve must lie in [0, socMax]");
        }
        if (chargeEfficiency <= 0 || chargeEfficiency > 1 || dischargeEfficiency <= 0 || dischargeEfficiency > 1) {
            throw new IllegalArgumentException("battery " + id + ": efficiencies must lie in (0, 1]");
        }
        if (maxChargeMw < 0 || maxDischargeMw < 0 || rampMwPerMin <= 0 || degradationEurPerMwh < 0
                || terminalValueEurPerMwh < 0) {
            throw new IllegalArgumentException("battery " + id + ": powers, ramp and costs must be non-negative");
        }
    }

    /** A typical battery: 10%..100% usable, no reserve, 95%/95%, fast ramp, starts and should end half full. */
    public static Battery typical(String id, double powerMw, double capacityMwh) {
        return new Battery(id, capacityMwh, 0.1 * capacityMwh, capacityMwh, 0.0, 0.5 * capacityMwh,
                0.95, 0.95, powerMw, powerMw, powerMw, 2.0, 0.5 * capacityMwh, 0.0);
    }

    /** The lowest state of charge the VPP may use. */
    public double usableFloorMwh() {
        return Math.max(socMinMwh, reserveMwh);
    }

    public Battery withId(String newId) {
        return new Battery(newId, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh);
    }

    public Battery withInitialSocMwh(double soc) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, soc, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh);
    }

    public Battery withReserveMwh(double reserve) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserve, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh);
    }

    public Battery withRampMwPerMin(double ramp) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, ramp, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh);
    }

    public Battery withTerminal(double targetMwh, double valueEurPerMwh) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                targetMwh, valueEurPerMwh);
    }
}
