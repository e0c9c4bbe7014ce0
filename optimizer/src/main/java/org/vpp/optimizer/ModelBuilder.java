package org.vpp.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.BlockProducts;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.FlexibleLoad;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;

/**
 * Turns a problem into the solver's working solution, with every variable set: from the LP optimum rounded
 * to the levels when there is one (the warm start), otherwise from an idle schedule.
 */
final class ModelBuilder {

    private ModelBuilder() {
    }

    static VppSolution build(Problem problem, Optional<LpSolution> warmStart, OptimizerSettings settings) {
        int n = problem.horizon().slotCount();
        double[] prices = new double[n];
        for (int t = 0; t < n; t++) {
            prices[t] = problem.prices().at(t);
        }
        PriceCurve curve = new PriceCurve(prices, problem.horizon().slotHours());
        Map<String, AssetSchedule> lp = new HashMap<>();
        warmStart.filter(LpSolution::optimal).ifPresent(s -> s.assets().forEach(a -> lp.put(a.assetId(), a)));

        Map<String, Object> facts = new LinkedHashMap<>();
        List<BatteryLevel> batteryLevels = new ArrayList<>();
        for (Battery b : problem.batteries()) {
            BatteryFact fact = new BatteryFact(b, curve, problem.horizon().slotMinutes(),
                    settings.levelsPerFullPowerSlot(), settings.maxLevelsPerBattery());
            facts.put(b.id(), fact);
            batteryLevels.add(BatteryLevel.initial(fact));
            int previous = fact.initialLevel;
            AssetSchedule start = lp.get(b.id());
            for (int t = 0; t < n; t++) {
                int level = start == null ? fact.nearestLevel(b.initialSocMwh()) : roundReachable(fact, previous,
                        start.socMwh().get(t));
                batteryLevels.add(new BatteryLevel(fact, t, level));
                previous = level;
            }
        }
        List<OutputLevel> outputLevels = new ArrayList<>();
        for (Renewable r : problem.renewables()) {
            double[][] options = new double[n][];
            for (int t = 0; t < n; t++) {
                options[t] = steps(0.0, r.forecastMw().get(t), settings.optionsPerOutput());
            }
            OutputFact fact = new OutputFact(r.id(), OutputKind.RENEWABLE, curve, options, 0, 0, 0);
            facts.put(r.id(), fact);
            addOutputs(fact, lp.get(r.id()), t -> prices[t] >= 0 ? options[t][options[t].length - 1] : 0.0, outputLevels);
        }
        for (Generator g : problem.generators()) {
            double[][] options = new double[n][];
            for (int t = 0; t < n; t++) {
                TreeSet<Double> set = new TreeSet<>();
                set.add(0.0);
                for (double v : steps(g.minMw(), g.maxMw(), settings.optionsPerOutput())) {
                    set.add(v);
                }
                options[t] = set.stream().mapToDouble(Double::doubleValue).toArray();
            }
            OutputFact fact = OutputFact.ofGenerator(g, curve, options, problem.horizon().slotMinutes());
            facts.put(g.id(), fact);
            AssetSchedule start = lp.get(g.id());
            double[] target = new double[n];
            for (int t = 0; t < n; t++) {
                target[t] = options[t][fact.nearestOption(t, start == null ? 0.0 : start.powerMw().get(t))];
            }
            double[] committed = g.hasCommitmentRules()
                    ? withCommitmentRules(g, target, options[0], problem.horizon().slotMinutes()) : target;
            for (int t = 0; t < n; t++) {
                outputLevels.add(new OutputLevel(fact, t, fact.nearestOption(t, committed[t])));
            }
        }
        for (FlexibleLoad l : problem.loads()) {
            double[][] options = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] consumption = steps(l.minConsumptionMw().get(t), l.maxConsumptionMw().get(t),
                        settings.optionsPerOutput());
                options[t] = new double[consumption.length];
                for (int i = 0; i < consumption.length; i++) {
                    options[t][i] = -consumption[i];
                }
            }
            OutputFact fact = new OutputFact(l.id(), OutputKind.FLEXIBLE_LOAD, curve, options, 0, l.energyMwh(),
                    l.energyToleranceMwh());
            facts.put(l.id(), fact);
            double average = l.energyMwh() / (n * problem.horizon().slotHours());
            addOutputs(fact, lp.get(l.id()), t -> -average, outputLevels);
        }
        for (EvSession e : problem.evSessions()) {
            double[][] options = new double[n][];
            for (int t = 0; t < n; t++) {
                options[t] = e.plugged(t)
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of(0.0), e.powerStepsMw().stream().map(p -> -p))
                                .mapToDouble(Double::doubleValue).distinct().toArray()
                        : new double[] {0.0};
            }
            OutputFact fact = OutputFact.ofEvSession(e, curve, options);
            facts.put(e.id(), fact);
            // The LP's draw rounded to the nearest step, but never past the car's free capacity: rounding each slot up
            // could otherwise overfill a car the LP filled exactly (at negative prices it does).
            AssetSchedule start = lp.get(e.id());
            double room = e.maxEnergyMwh();
            double h = problem.horizon().slotHours();
            for (int t = 0; t < n; t++) {
                int option = fact.nearestOption(t, start == null ? 0.0 : start.powerMw().get(t));
                if (-options[t][option] * h > room + 1e-12) {
                    option = fact.nearestOption(t, 0.0);
                    for (int i = 0; i < options[t].length; i++) {
                        double draw = -options[t][i] * h;
                        if (draw <= room + 1e-12 && draw > -options[t][option] * h) option = i;
                    }
                }
                room -= -options[t][option] * h;
                outputLevels.add(new OutputLevel(fact, t, option));
            }
        }

        double h = problem.horizon().slotHours();
        List<Membership> memberships = new ArrayList<>();
        List<NodeLimit> limits = new ArrayList<>();
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (GridNode node : problem.nodes()) {
            int index = limits.size();
            nodeIndex.put(node.id(), index);
            limits.add(new NodeLimit(index, node.id(), node.importLimitMw() * h, node.exportLimitMw() * h));
            node.assetIds().stream().sorted().forEach(id -> memberships.add(new Membership(facts.get(id), index)));
        }
        List<CommitmentFact> commitments = new ArrayList<>();
        int fleetIndex = limits.size();
        boolean fleetCommitted = false;
        for (Commitment c : problem.commitments()) {
            int index = c.nodeId().map(nodeIndex::get).orElse(fleetIndex);
            fleetCommitted |= c.nodeId().isEmpty();
            commitments.add(new CommitmentFact(index, c.nodeId().orElse("fleet"), c.slot(), c.netMw() * h,
                    c.toleranceMw() * h));
        }
        if (fleetCommitted || problem.blocks().active()) {
            facts.values().forEach(fact -> memberships.add(new Membership(fact, fleetIndex)));
        }
        if (problem.blocks().active() && !batteryLevels.isEmpty()) {
            keepBlocks(problem.blocks(), n, batteryLevels, outputLevels);
        }
        VppSolution solution = new VppSolution(memberships, limits, commitments, batteryLevels, outputLevels);
        if (problem.blocks().active()) {
            solution.blocks = List.of(new BlockFact(fleetIndex, problem.blocks().slots(), problem.blocks().toleranceMw() * h));
        }
        return solution;
    }

    /**
     * The rounded start made to trade one quantity per block where it can: rounding each battery to its levels moves
     * the fleet's net a little in every slot, so slot by slot the battery level (within three levels, within its power
     * limits on both sides) that brings the fleet's net nearest the block's quantity (the mean of the block's nets) is
     * taken, again and again while it helps. A level changed at slot t also changes slot t+1, which is
     * corrected in turn.
     */
    static void keepBlocks(BlockProducts blocks, int n, List<BatteryLevel> batteryLevels, List<OutputLevel> outputs) {
        Map<BatteryFact, BatteryLevel[]> byBattery = new LinkedHashMap<>();
        for (BatteryLevel l : batteryLevels) {
            byBattery.computeIfAbsent(l.battery, k -> new BatteryLevel[n + 1])[l.slot + 1] = l;
        }
        List<BatteryLevel[]> units = new ArrayList<>(byBattery.values());
        double[] net = new double[n];
        for (OutputLevel o : outputs) net[o.slot] += o.powerMw();
        for (BatteryLevel[] u : units) {
            for (int t = 0; t < n; t++) net[t] += u[0].battery.powerMw(u[t].level, u[t + 1].level);
        }
        // A block whose quantity some slot cannot reach (every battery at its limit) gets the mean of what was reached
        // in the next pass.
        for (int pass = 0; pass < BLOCK_REPAIR_PASSES; pass++) {
            double[] target = new double[n];
            for (int start = 0; start < n; start += blocks.slots()) {
                int end = Math.min(n, start + blocks.slots());
                double sum = 0;
                for (int t = start; t < end; t++) sum += net[t];
                for (int t = start; t < end; t++) target[t] = sum / (end - start);
            }
            for (int t = 0; t < n; t++) {
                for (int round = 0; round < MAX_BLOCK_REPAIRS_PER_SLOT; round++) {
                    if (!moveNearer(units, t, n, net, target[t], blocks.toleranceMw() / 2)) break;
                }
            }
        }
    }

    /** One battery level at slot t moved to bring the fleet's net there nearer the target; false if none helps. */
    private static boolean moveNearer(List<BatteryLevel[]> units, int t, int n, double[] net, double target,
                                      double closeEnough) {
        double bestError = Math.abs(net[t] - target);
        if (bestError <= closeEnough) return false;
        BatteryLevel[] best = null;
        int bestLevel = -1;
        for (BatteryLevel[] u : units) {
            BatteryFact f = u[0].battery;
            int previous = u[t].level;
            int current = u[t + 1].level;
            Integer next = t + 2 <= n ? u[t + 2].level : null;
            for (int d = -3; d <= 3; d++) {
                int level = current + d;
                if (d == 0 || level < 0 || level >= f.levelCount || !withinPower(f, previous, level)
                        || (next != null && !withinPower(f, level, next))) continue;
                double error = Math.abs(net[t] - f.powerMw(previous, current) + f.powerMw(previous, level) - target);
                if (error < bestError - 1e-12) {
                    bestError = error;
                    best = u;
                    bestLevel = level;
                }
            }
        }
        if (best == null) return false;
        BatteryFact f = best[0].battery;
        int previous = best[t].level;
        int current = best[t + 1].level;
        net[t] += f.powerMw(previous, bestLevel) - f.powerMw(previous, current);
        if (t + 1 < n) {
            int next = best[t + 2].level;
            net[t + 1] += f.powerMw(bestLevel, next) - f.powerMw(current, next);
        }
        best[t + 1].level = bestLevel;
        return true;
    }

    /** Passes of {@link #keepBlocks}, each with the blocks' quantities taken afresh from the nets reached. */
    static final int BLOCK_REPAIR_PASSES = 3;

    /** How many battery levels {@link #keepBlocks} may change to bring one slot to its block's quantity. */
    static final int MAX_BLOCK_REPAIRS_PER_SLOT = 50;

    private static boolean withinPower(BatteryFact f, int from, int to) {
        double grid = f.gridMwh(from, to);
        return -grid <= f.maxChargeGridMwh + 1e-9 && grid <= f.maxDischargeGridMwh + 1e-9;
    }

    /** The level nearest to the LP's state of charge that the power limits allow from the previous level. */
    static int roundReachable(BatteryFact fact, int previous, double targetSocMwh) {
        int level = fact.nearestLevel(targetSocMwh);
        int low = Math.max(0, fact.lowestReachable(previous));
        int high = Math.min(fact.levelCount - 1, fact.highestReachable(previous));
        return low > high ? level : Math.clamp(level, low, high);
    }

    /**
     * A generator's outputs made to keep its unit-commitment rules, as a start for the search: the state before slot 0
     * held as long as it must be; every run shorter than the minimum up time extended at the minimum stable output
     * (or, where the horizon ends, cut off); every pause shorter than the minimum down time filled at the minimum
     * stable output; then each output moved within the ramp of the one before. {@code options} are the generator's
     * power options (the same in every slot).
     */
    static double[] withCommitmentRules(Generator g, double[] target, double[] options, double slotMinutes) {
        int n = target.length;
        double[] p = target.clone();
        double low = Math.max(g.minMw(), java.util.Arrays.stream(options).filter(o -> o > 0).min().orElse(g.minMw()));
        for (int t = 0; t < Math.min(n, g.initiallyHeldSlots()); t++) {
            p[t] = g.initiallyOn() ? (p[t] > 0 ? p[t] : Math.max(low, nearestOption(options, g.initialMw()))) : 0.0;
        }
        boolean wasOn = g.initiallyOn();
        for (int t = 0; t < n; t++) {
            boolean on = p[t] > 0;
            if (on && !wasOn) {
                for (int u = t + 1; u < Math.min(n, t + g.minUpSlots()); u++) {
                    if (p[u] <= 0) p[u] = low;
                }
            } else if (!on && wasOn) {
                int end = Math.min(n, t + g.minDownSlots());
                boolean restarts = false;
                for (int u = t + 1; u < end; u++) restarts |= p[u] > 0;
                if (restarts) {
                    for (int u = t; u < end && p[u] <= 0; u++) p[u] = low;
                }
            }
            wasOn = p[t] > 0;
        }
        double ramp = g.rampPerSlotMw(slotMinutes);
        double startStop = g.startStopLimitMw(slotMinutes);
        // Backward: each output low enough to reach the next one (or to stop) within the ramp; forward: each output low
        // enough to be reached from the one before (or from a start). Both only lower outputs that are on, never below
        // the minimum stable output, so neither pass undoes the other.
        for (int t = n - 1; t > 0; t--) {
            double limit = p[t] > 0 ? p[t] + ramp : startStop;
            if (p[t - 1] > limit) p[t - 1] = highestWithin(options, g.minMw(), limit, p[t - 1]);
        }
        double previous = g.initialMw();
        for (int t = 0; t < n; t++) {
            if (p[t] > 0) {
                double high = previous > 0 ? previous + ramp : startStop;
                if (p[t] > high) p[t] = highestWithin(options, g.minMw(), high, p[t]);
            }
            previous = p[t];
        }
        return p;
    }

    private static double nearestOption(double[] options, double mw) {
        double best = options[0];
        for (double o : options) if (Math.abs(o - mw) < Math.abs(best - mw)) best = o;
        return best;
    }

    /** The highest option above zero within [low, high], or {@code fallback} if none is. */
    private static double highestWithin(double[] options, double low, double high, double fallback) {
        double best = Double.NaN;
        for (double o : options) {
            if (o > 0 && o >= low - 1e-9 && o <= high + 1e-9 && (Double.isNaN(best) || o > best)) best = o;
        }
        return Double.isNaN(best) ? fallback : best;
    }

    /** {@code count + 1} evenly spaced values from {@code min} to {@code max} (one value if they coincide). */
    static double[] steps(double min, double max, int count) {
        if (max - min < 1e-9) {
            return new double[] {min};
        }
        double[] values = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            values[i] = i == count ? max : min + (max - min) * i / count;
        }
        return values;
    }

    private static void addOutputs(OutputFact fact, AssetSchedule lp, java.util.function.IntToDoubleFunction idle,
                                   List<OutputLevel> out) {
        for (int t = 0; t < fact.optionsMw.length; t++) {
            double target = lp != null ? lp.powerMw().get(t) : idle.applyAsDouble(t);
            out.add(new OutputLevel(fact, t, fact.nearestOption(t, target)));
        }
    }
}
