package org.vpp.optimizer.model;

/**
 * A battery and its limits. Energies in MWh (absolute, not fractions), powers in MW, ramp in MW/min.
 * The VPP may use the state of charge between {@code max(socMinMwh, reserveMwh)} and {@code socMaxMwh};
 * the reserve is the owner's backup energy. Degradation is charged per MWh of cell throughput. Below the
 * terminal target each missing MWh costs {@code terminalValueEurPerMwh}.
 *
 * <p>Wear grows with the depth of a cycle, not only with its throughput: a cell held deeply discharged ages faster.
 * The optional depth term prices that: at the end of each slot, each MWh the state of charge lies below
 * {@code deepFloorMwh} costs {@code deepEurPerMwhHour} per hour of the slot (0 and 0: no depth term). The cost grows
 * with the depth reached and the time spent there, and it is linear in the state of charge, so the LP states it too.
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
        double terminalValueEurPerMwh,
        double deepFloorMwh,
        double deepEurPerMwhHour) {

    /** A battery whose wear is its throughput alone (no depth term). */
    public Battery(String id, double capacityMwh, double socMinMwh, double socMaxMwh, double reserveMwh,
                   double initialSocMwh, double chargeEfficiency, double dischargeEfficiency, double maxChargeMw,
                   double maxDischargeMw, double rampMwPerMin, double degradationEurPerMwh, double terminalTargetMwh,
                   double terminalValueEurPerMwh) {
        this(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency, dischargeEfficiency,
                maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh, terminalTargetMwh,
                terminalValueEurPerMwh, 0.0, 0.0);
    }

    public Battery {
        if (!(deepFloorMwh >= 0) || deepFloorMwh > capacityMwh + 1e-9 || !(deepEurPerMwhHour >= 0)
                || Double.isInfinite(deepEurPerMwhHour)) {
            throw new IllegalArgumentException("battery " + id + ": the deep-discharge floor must lie in [0, capacity]"
                    + " and its cost be finite and >= 0");
        }
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

    public Battery withDepthWear(double floorMwh, double eurPerMwhHour) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh, floorMwh, eurPerMwhHour);
    }

    /** The depth term's cost of ending a slot of {@code hours} at {@code socMwh}. */
    public double depthWearEur(double socMwh, double hours) {
        return deepEurPerMwhHour * Math.max(0, deepFloorMwh - socMwh) * hours;
    }

    /** The lowest state of charge the VPP may use. */
    public double usableFloorMwh() {
        return Math.max(socMinMwh, reserveMwh);
    }

    public Battery withId(String newId) {
        return new Battery(newId, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh, deepFloorMwh, deepEurPerMwhHour);
    }

    public Battery withInitialSocMwh(double soc) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, soc, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh, deepFloorMwh, deepEurPerMwhHour);
    }

    public Battery withReserveMwh(double reserve) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserve, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh, deepFloorMwh, deepEurPerMwhHour);
    }

    public Battery withRampMwPerMin(double ramp) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, ramp, degradationEurPerMwh,
                terminalTargetMwh, terminalValueEurPerMwh, deepFloorMwh, deepEurPerMwhHour);
    }

    public Battery withTerminal(double targetMwh, double valueEurPerMwh) {
        return new Battery(id, capacityMwh, socMinMwh, socMaxMwh, reserveMwh, initialSocMwh, chargeEfficiency,
                dischargeEfficiency, maxChargeMw, maxDischargeMw, rampMwPerMin, degradationEurPerMwh,
                targetMwh, valueEurPerMwh, deepFloorMwh, deepEurPerMwhHour);
    }
}
