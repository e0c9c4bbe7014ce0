package org.vpp.optimizer;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.greaterThan;
import static ai.timefold.solver.core.api.score.stream.Joiners.lessThan;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.tri.TriConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

/**
 * The VPP rulebook. Hard rules are weighed in Wh of violation, soft rules in milli-EUR. Battery power is
 * the difference of two neighbouring state-of-charge levels, so power rules join each level with the next.
 *
 * <p>There is no rule for the state-of-charge bounds or the backup reserve: a planned level can only take a value
 * of {@link BatteryFact}'s grid, which lies inside {@code [max(socMin, reserve), socMax]}, so no schedule could
 * break them and such rules could never fire (the pinned initial level is the one value outside, and it is given,
 * not planned). {@code ScheduleCheck} still verifies both on every schedule the optimizer returns. Every rule here
 * can fire: the grid constrains levels, not the steps between them (power, ramp), nor sums of assets (grid
 * connection, commitments, block products), nor the energy of flexible loads and EV sessions, whose options are free
 * per slot, nor a generator's slots one after another (ramp, minimum up and down times). A generator's minimum
 * stable output and an EV's charger steps need no rule: its options are built from them.
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
                blockQuantityEqual(factory),
                flexibleLoadEnergyDelivered(factory),
                generatorRampLimit(factory),
                generatorMinimumUpTime(factory),
                generatorMinimumDownTime(factory),
                evCapacityLimit(factory),
                energyRevenue(factory),
                batteryDegradationCost(factory),
                batteryDepthWear(factory),
                fuelCost(factory),
                startUpCost(factory),
                evEnergyByDeparture(factory),
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

    // Where the market trades blocks, the fleet's net energy is one quantity per block (within the market's volume step):
    // a bid cannot ask the hourly product for different quantities in its quarter-hours. Breach: the block's spread.
    Constraint blockQuantityEqual(ConstraintFactory factory) {
        return nodeNetEnergy(factory)
                .join(BlockFact.class, equal((node, slot, net) -> node, BlockFact::nodeIndex))
                .groupBy((node, slot, net, block) -> block, (node, slot, net, block) -> block.blockOf(slot),
                        ConstraintCollectors.min((Integer node, Integer slot, Long net, BlockFact block) -> net),
                        ConstraintCollectors.max((Integer node, Integer slot, Long net, BlockFact block) -> net))
                .filter((block, index, low, high) -> blockSpreadExcessMwh(block, low, high) > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (block, index, low, high) -> Units.violationWh(blockSpreadExcessMwh(block, low, high)))
                .justifyWith((block, index, low, high, score) -> new RuleJustification("fleet", index * block.slots(),
                        blockSpreadExcessMwh(block, low, high), "MWh"))
                .asConstraint("Block quantity equal");
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

    // A generator's output changes by at most its ramp between two slots it runs in, and a start reaches (a stop leaves
    // from) at most max(minimum stable output, ramp per slot): a thermal unit cannot jump to full load, nor drop from it.
    Constraint generatorRampLimit(ConstraintFactory factory) {
        return generatorMoves(factory)
                .filter(m -> m.rampExcessMw() > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, m -> Units.violationWh(m.rampExcessMw() * m.asset().prices.slotHours()))
                .justifyWith((m, score) -> new RuleJustification(m.asset().id, m.slot(),
                        m.rampExcessMw() * m.asset().prices.slotHours(), "MWh"))
                .asConstraint("Generator ramp limit");
    }

    // Once started, a generator runs at least its minimum up time (a thermal unit must warm through before it may stop
    // again); a unit started shortly before the horizon runs out the rest of it. Each slot off inside that time is one
    // breach, weighed as the unit's full output in that slot.
    Constraint generatorMinimumUpTime(ConstraintFactory factory) {
        UniConstraintStream<OutputLevel> afterStarts = generatorMoves(factory)
                .filter(m -> m.starts() && m.asset().generator.minUpSlots() > 1)
                .join(OutputLevel.class, equal(GeneratorMove::asset, OutputLevel::asset),
                        lessThan(GeneratorMove::slot, OutputLevel::slot),
                        greaterThan(m -> m.slot() + m.asset().generator.minUpSlots(), OutputLevel::slot))
                .filter((m, o) -> !isOn(o))
                .map((m, o) -> o);
        UniConstraintStream<OutputLevel> held = factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().committed() && o.asset().generator.initiallyOn()
                        && o.slot() < o.asset().generator.initiallyHeldSlots() && !isOn(o));
        return afterStarts.concat(held)
                .penalize(HardSoftScore.ONE_HARD, VppConstraints::slotBreachWh)
                .justifyWith((o, score) -> new RuleJustification(o.asset().id, o.slot(), slotBreachWh(o) / Units.WH_PER_MWH, "MWh"))
                .asConstraint("Generator minimum up time");
    }

    // Once stopped, a generator stays off at least its minimum down time (it must cool down before a restart); a unit
    // stopped shortly before the horizon stays off the rest of it. Each slot on inside that time is one breach.
    Constraint generatorMinimumDownTime(ConstraintFactory factory) {
        UniConstraintStream<OutputLevel> afterStops = generatorMoves(factory)
                .filter(m -> m.stops() && m.asset().generator.minDownSlots() > 1)
                .join(OutputLevel.class, equal(GeneratorMove::asset, OutputLevel::asset),
                        lessThan(GeneratorMove::slot, OutputLevel::slot),
                        greaterThan(m -> m.slot() + m.asset().generator.minDownSlots(), OutputLevel::slot))
                .filter((m, o) -> isOn(o))
                .map((m, o) -> o);
        UniConstraintStream<OutputLevel> held = factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().committed() && !o.asset().generator.initiallyOn()
                        && o.slot() < o.asset().generator.initiallyHeldSlots() && isOn(o));
        return afterStops.concat(held)
                .penalize(HardSoftScore.ONE_HARD, VppConstraints::slotBreachWh)
                .justifyWith((o, score) -> new RuleJustification(o.asset().id, o.slot(), slotBreachWh(o) / Units.WH_PER_MWH, "MWh"))
                .asConstraint("Generator minimum down time");
    }

    // An EV session never charges more than the car's free capacity: the car takes no more.
    Constraint evCapacityLimit(ConstraintFactory factory) {
        return evDelivered(factory)
                .filter((ev, wh) -> wh / Units.WH_PER_MWH - ev.session.maxEnergyMwh() > SOC_EPSILON_MWH)
                .penalize(HardSoftScore.ONE_HARD, (ev, wh) -> Units.violationWh(wh / Units.WH_PER_MWH - ev.session.maxEnergyMwh()))
                .justifyWith((ev, wh, score) -> new RuleJustification(ev.id, -1,
                        wh / Units.WH_PER_MWH - ev.session.maxEnergyMwh(), "MWh"))
                .asConstraint("EV capacity limit");
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

    // A cell held deeply discharged ages faster: each MWh below the battery's deep-discharge floor at the end of a slot
    // costs its depth price per hour of the slot, so deeper and longer costs more.
    Constraint batteryDepthWear(ConstraintFactory factory) {
        return factory.forEach(BatteryLevel.class)
                .filter(l -> l.slot() >= 0 && depthMilliEur(l) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::depthMilliEur)
                .justifyWith((l, score) -> new RuleJustification(l.battery().id, l.slot(), depthMilliEur(l) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Battery depth wear");
    }

    // Generators burn fuel at their cost per MWh produced.
    Constraint fuelCost(ConstraintFactory factory) {
        return factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().kind == OutputKind.GENERATOR && fuelMilliEur(o) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::fuelMilliEur)
                .justifyWith((o, score) -> new RuleJustification(o.asset().id, o.slot(), fuelMilliEur(o) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("Fuel cost");
    }

    // Every start of a generator costs its start-up cost (fuel to warm it, wear), a start in slot 0 from off included.
    Constraint startUpCost(ConstraintFactory factory) {
        return generatorMoves(factory)
                .filter(m -> m.starts() && m.asset().generator.startUpCostEur() > 0)
                .penalize(HardSoftScore.ONE_SOFT, m -> Units.milliEur(m.asset().generator.startUpCostEur()))
                .justifyWith((m, score) -> new RuleJustification(m.asset().id, m.slot(), m.asset().generator.startUpCostEur(), "EUR"))
                .asConstraint("Start-up cost");
    }

    // Each MWh an EV session misses at departure costs its shortfall price: the need is soft, so a session that cannot
    // be served in full (too short, too slow a charger, a full grid connection) still gets its best schedule.
    Constraint evEnergyByDeparture(ConstraintFactory factory) {
        return evDelivered(factory)
                .filter((ev, wh) -> evShortfallMilliEur(ev, wh) > 0)
                .penalize(HardSoftScore.ONE_SOFT, VppConstraints::evShortfallMilliEur)
                .justifyWith((ev, wh, score) -> new RuleJustification(ev.id, -1,
                        evShortfallMilliEur(ev, wh) / Units.MILLI_EUR_PER_EUR, "EUR"))
                .asConstraint("EV energy by departure");
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

    /**
     * Each committed generator's output in one slot beside its output in the slot before (the state before the horizon
     * for slot 0).
     */
    private static UniConstraintStream<GeneratorMove> generatorMoves(ConstraintFactory factory) {
        UniConstraintStream<GeneratorMove> inside = factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().committed())
                .join(OutputLevel.class, equal(OutputLevel::asset), equal(o -> o.slot() + 1, OutputLevel::slot))
                .map((a, b) -> new GeneratorMove(b.asset(), b.slot(), a.powerMw(), b.powerMw()));
        return factory.forEach(OutputLevel.class)
                .filter(o -> o.slot() == 0 && o.asset().committed())
                .map(o -> new GeneratorMove(o.asset(), 0, o.asset().generator.initialMw(), o.powerMw()))
                .concat(inside);
    }

    /** The energy (Wh) each EV session draws over the horizon. */
    private static BiConstraintStream<OutputFact, Long> evDelivered(ConstraintFactory factory) {
        return factory.forEach(OutputLevel.class)
                .filter(o -> o.asset().kind == OutputKind.EV_SESSION)
                .groupBy(OutputLevel::asset, sum(o -> Units.wh(-o.gridMwh())));
    }

    static double blockSpreadExcessMwh(BlockFact block, long lowWh, long highWh) {
        return (highWh - lowWh) / Units.WH_PER_MWH - block.toleranceMwh();
    }

    static boolean isOn(OutputLevel o) {
        return o.powerMw() > SOC_EPSILON_MWH;
    }

    /** A slot in breach of a minimum up or down time, weighed as the generator's full output over the slot. */
    static long slotBreachWh(OutputLevel o) {
        return Units.violationWh(o.asset().generator.maxMw() * o.asset().prices.slotHours());
    }

    static long evShortfallMilliEur(OutputFact ev, long deliveredWh) {
        double missing = ev.session.energyNeededMwh() - deliveredWh / Units.WH_PER_MWH;
        return missing <= SOC_EPSILON_MWH ? 0 : Units.milliEur(missing * ev.session.shortfallEurPerMwh());
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

    static long depthMilliEur(BatteryLevel l) {
        return Units.milliEur(l.battery().battery.depthWearEur(l.socMwh(), l.battery().prices.slotHours()));
    }

    static long fuelMilliEur(OutputLevel o) {
        return Units.milliEur(o.gridMwh() * o.asset().fuelCostEurPerMwh);
    }

    static long terminalMilliEur(BatteryLevel l) {
        var battery = l.battery().battery;
        return Units.milliEur(Math.max(0, battery.terminalTargetMwh() - l.socMwh()) * battery.terminalValueEurPerMwh());
    }

    /** A generator's output in the slot before and in {@code slot}. */
    record GeneratorMove(OutputFact asset, int slot, double beforeMw, double afterMw) {
        boolean starts() {
            return beforeMw <= SOC_EPSILON_MWH && afterMw > SOC_EPSILON_MWH;
        }

        boolean stops() {
            return beforeMw > SOC_EPSILON_MWH && afterMw <= SOC_EPSILON_MWH;
        }

        /** How far the change breaks the ramp (both slots on) or the start/stop limit (one of them off), in MW. */
        double rampExcessMw() {
            var g = asset.generator;
            if (starts()) return afterMw - g.startStopLimitMw(asset.slotMinutes);
            if (stops()) return beforeMw - g.startStopLimitMw(asset.slotMinutes);
            if (afterMw <= SOC_EPSILON_MWH) return 0;
            return Math.abs(afterMw - beforeMw) - g.rampPerSlotMw(asset.slotMinutes);
        }
    }

    /** The grid energy of one asset in one slot and its price. */
    record SlotEnergy(String assetId, int slot, double gridMwh, double eurPerMwh) {
        long revenueMilliEur() {
            return Units.milliEur(gridMwh * eurPerMwh);
        }
    }
}
