package org.vpp.optimizer;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.tri.TriConstraintStream;

/**
 * The VPP rulebook. Hard rules are weighed in Wh of violation, soft rules in milli-EUR. Battery power is
 * the difference of two neighbouring state-of-charge levels, so power rules join each level with the next.
 *
 * <p>There is no rule for the state-of-charge bounds or the backup reserve: a planned level can only take a value
 * of {@link BatteryFact}'s grid, which lies inside {@code [max(socMin, reserve), socMax]}, so no schedule could
 * break them and such rules could never fire (the pinned initial level is the one value outside, and it is given,
 * not planned). {@code ScheduleCheck} still verifies both on every schedule the optimizer returns. Every rule here
 * can fire: the grid constrains levels, not the steps between them (power, ramp), nor sums of assets (grid
 * connection, commitments), nor the energy of flexible loads, whose levels are free per slot.
 */
public final class VppConstraints implements ConstraintProvider {

    /** Public only because Timefold instantiates it reflectively. */
    public VppConstraints() {
    }

    static final double SOC_EPSILON_MWH = 1e-9;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                chargePowerLimit(factory),
                dischargePowerLimit(factory),
                rampLimit(factory),
                gridImportLimit(factory),
                gridExportLimit(factory),
                commitmentDelivered(factory),
                flexibleLoadEnergyDelivered(factory),
                energyRevenue(factory),
                batteryDegradationCost(factory),
                fuelCost(factory),
                terminalStateOfChargeTarget(factory)
        };
    }

    // ---------------------------------------------------------------- hard

    // A battery never charges faster than its maximum charge power.
    Constraint chargePowerLimit(ConstraintFactory factory) {
        return steps(factory)
                .filter((a, b) -> chargeExcessMwh(a, b) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (a, b) -> Units.violationWh(chargeExcessMwh(a, b)))
                .justifyWith((a, b, score) -> new RuleJustification(b.battery().id, b.slot(), chargeExcessMwh(a, b), "MWh"))
                .asConstraint("Charge power limit");
    }

    // A battery never discharges faster than its maximum discharge power.
    Constraint dischargePowerLimit(ConstraintFactory factory) {
        return steps(factory)
                .filter((a, b) -> dischargeExcessMwh(a, b) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (a, b) -> Units.violationWh(dischargeExcessMwh(a, b)))
                .justifyWith((a, b, score) -> new RuleJustification(b.battery().id, b.slot(), dischargeExcessMwh(a, b), "MWh"))
                .asConstraint("Discharge power limit");
    }

    // A battery's power changes between neighbouring slots by at most its ramp rate times the slot length.
    Constraint rampLimit(ConstraintFactory factory) {
        return steps(factory)
                .join(BatteryLevel.class, equal((a, b) -> b.battery(), BatteryLevel::battery),
                        equal((a, b) -> b.slot() + 1, BatteryLevel::slot))
                .filter((a, b, c) -> rampExcessMwh(a, b, c) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (a, b, c) -> Units.violationWh(rampExcessMwh(a, b, c)))
                .justifyWith((a, b, c, score) -> new RuleJustification(c.battery().id, c.slot(), rampExcessMwh(a, b, c), "MWh"))
                .asConstraint("Ramp limit");
    }

    // A node never imports more than its grid connection allows.
    Constraint gridImportLimit(ConstraintFactory factory) {
        return nodeNetEnergy(factory)
                .join(NodeLimit.class, equal((node, slot, net) -> node, NodeLimit::nodeIndex))
                .filter((node, slot, net, limit) -> -net / Units.WH_PER_MWH - limit.importMwh() > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD,
                        (node, slot, net, limit) -> Units.violationWh(-net / Units.WH_PER_MWH - limit.importMwh()))
                .justifyWith((node, slot, net, limit, score) -> new RuleJustification(limit.nodeId(), slot,
                        -net / Units.WH_PER_MWH - limit.importMwh(), "MWh"))
                .asConstraint("Grid import limit");
    }

    // A node never exports more than its grid connection allows.
    Constraint gridExportLimit(ConstraintFactory factory) {
        return nodeNetEnergy(factory)
                .join(NodeLimit.class, equal((node, slot, net) -> node, NodeLimit::nodeIndex))
                .filter((node, slot, net, limit) -> net / Units.WH_PER_MWH - limit.exportMwh() > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD,
                        (node, slot, net, limit) -> Units.violationWh(net / Units.WH_PER_MWH - limit.exportMwh()))
                .justifyWith((node, slot, net, limit, score) -> new RuleJustification(limit.nodeId(), slot,
                        net / Units.WH_PER_MWH - limit.exportMwh(), "MWh"))
                .asConstraint("Grid export limit");
    }

    // Every accepted bid is delivered: the node's net energy in the slot matches the commitment.
    Constraint commitmentDelivered(ConstraintFactory factory) {
        return nodeNetEnergy(factory)
                .join(CommitmentFact.class, equal((node, slot, net) -> node, CommitmentFact::nodeIndex),
                        equal((node, slot, net) -> slot, CommitmentFact::slot))
                .filter((node, slot, net, c) -> deviationMwh(net, c) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (node, slot, net, c) -> Units.violationWh(deviationMwh(net, c)))
                .justifyWith((node, slot, net, c, score) -> new RuleJustification(c.nodeId(), slot, deviationMwh(net, c), "MWh"))
                .asConstraint("Commitment delivered");
    }

    // A flexible load consumes its fixed energy over the horizon.
    Constraint flexibleLoadEnergyDelivered(ConstraintFactory factory) {
        return factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().kind == OutputKind.FLEXIBLE_LOAD)
                .groupBy(OutputLevel::asset, sum(o -> Units.wh(-o.gridMwh())))
                .filter((load, consumedWh) -> loadMissMwh(load, consumedWh) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (load, consumedWh) -> Units.violationWh(loadMissMwh(load, consumedWh)))
                .justifyWith((load, consumedWh, score) -> new RuleJustification(load.id, -1, loadMissMwh(load, consumedWh), "MWh"))
                .asConstraint("Flexible load energy delivered");
    }

    // ---------------------------------------------------------------- soft

    // Energy sold earns, energy bought costs, at the expected price of its slot.
    Constraint energyRevenue(ConstraintFactory factory) {
        return steps(factory)
                .map((a, b) -> new SlotEnergy(b.battery().id, b.slot(), b.battery().gridMwh(a.level(), b.level()),
                        b.battery().prices.at(b.slot())))
                .concat(factory.forEach(OutputLevel.class)
                        .map(o -> new SlotEnergy(o.asset().id, o.slot(), o.gridMwh(), o.asset().prices.at(o.slot()))))
                .filter(e -> e.revenueMilliEur() != 0)
                .impact(HardSoftScore.ONE_SOFT, SlotEnergy::revenueMilliEur)
                .justifyWith((e, score) -> new RuleJustification(e.assetId(), e.slot(), e.revenueMilliEur() / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Energy revenue");
    }

    // Every MWh through a battery's cells wears it at its degradation cost.
    Constraint batteryDegradationCost(ConstraintFactory factory) {
        return steps(factory)
                .filter((a, b) -> degradationMilliEur(a, b) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::degradationMilliEur)
                .justifyWith((a, b, score) -> new RuleJustification(b.battery().id, b.slot(),
                        degradationMilliEur(a, b) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Battery degradation cost");
    }

    // Generators burn fuel at their cost per MWh produced.
    Constraint fuelCost(ConstraintFactory factory) {
        return factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().kind == OutputKind.GENERATOR && fuelMilliEur(o) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::fuelMilliEur)
                .justifyWith((o, score) -> new RuleJustification(o.asset().id, o.slot(), fuelMilliEur(o) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Fuel cost");
    }

    // Each MWh a battery ends below its terminal target costs the target's value.
    Constraint terminalStateOfChargeTarget(ConstraintFactory factory) {
        return factory.forEach(BatteryLevel.class)
                .filter(l -> l.slot() == l.battery().prices.slotCount() - 1 && terminalMilliEur(l) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::terminalMilliEur)
                .justifyWith((l, score) -> new RuleJustification(l.battery().id, l.slot(), terminalMilliEur(l) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Terminal state of charge target");
    }

    // ---------------------------------------------------------------- shared streams and arithmetic

    /** Each level joined with the level of the same battery in the next slot. */
    private static BiConstraintStream<BatteryLevel, BatteryLevel> steps(ConstraintFactory factory) {
        return factory.forEach(BatteryLevel.class)
                .join(BatteryLevel.class, equal(BatteryLevel::battery), equal(l -> l.slot() + 1, BatteryLevel::slot));
    }

    /** Net energy (Wh, positive = export) per grid node and slot. */
    private static TriConstraintStream<Integer, Integer, Long> nodeNetEnergy(ConstraintFactory factory) {
        TriConstraintStream<Integer, Integer, Long> batteries = steps(factory)
                .join(Membership.class, equal((a, b) -> (Object) b.battery(), Membership::asset))
                .groupBy((a, b, m) -> m.nodeIndex(), (a, b, m) -> b.slot(),
                        sum((a, b, m) -> Units.wh(b.battery().gridMwh(a.level(), b.level()))));
        TriConstraintStream<Integer, Integer, Long> outputs = factory.forEach(OutputLevel.class)
                .join(Membership.class, equal(o -> (Object) o.asset(), Membership::asset))
                .groupBy((o, m) -> m.nodeIndex(), (o, m) -> o.slot(), sum((o, m) -> Units.wh(o.gridMwh())));
        return batteries.concat(outputs)
                .groupBy((node, slot, wh) -> node, (node, slot, wh) -> slot, sum((node, slot, wh) -> wh));
    }

    static double chargeExcessMwh(BatteryLevel a, BatteryLevel b) {
        return -b.battery().gridMwh(a.level(), b.level()) - b.battery().maxChargeGridMwh;
    }

    static double dischargeExcessMwh(BatteryLevel a, BatteryLevel b) {
        return b.battery().gridMwh(a.level(), b.level()) - b.battery().maxDischargeGridMwh;
    }

    /** Ramp excess as energy: (|power change| - ramp per slot) * slot hours. */
    static double rampExcessMwh(BatteryLevel a, BatteryLevel b, BatteryLevel c) {
        BatteryFact battery = c.battery();
        double change = Math.abs(battery.powerMw(b.level(), c.level()) - battery.powerMw(a.level(), b.level()));
        return (change - battery.rampMwPerSlot) * battery.prices.slotHours();
    }

    static double deviationMwh(long netWh, CommitmentFact c) {
        return Math.abs(netWh / Units.WH_PER_MWH - c.netMwh()) - c.toleranceMwh();
    }

    static double loadMissMwh(OutputFact load, long consumedWh) {
        return Math.abs(consumedWh / Units.WH_PER_MWH - load.loadEnergyMwh) - load.loadToleranceMwh;
    }

    static long degradationMilliEur(BatteryLevel a, BatteryLevel b) {
        double throughput = Math.abs(b.socMwh() - a.socMwh());
        return Units.milliEur(throughput * b.battery().battery.degradationEurPerMwh());
    }

    static long fuelMilliEur(OutputLevel o) {
        return Units.milliEur(o.gridMwh() * o.asset().fuelCostEurPerMwh);
    }

    static long terminalMilliEur(BatteryLevel l) {
        var battery = l.battery().battery;
        return Units.milliEur(Math.max(0, battery.terminalTargetMwh() - l.socMwh()) * battery.terminalValueEurPerMwh());
    }

    /** The grid energy of one asset in one slot and its price. */
    record SlotEnergy(String assetId, int slot, double gridMwh, double eurPerMwh) {
        long revenueMilliEur() {
            return Units.milliEur(gridMwh * eurPerMwh);
        }
    }
}
