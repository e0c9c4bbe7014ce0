package org.vpp.optimizer.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a schedule against the problem's hard limits and values it, independently of the solver that made
 * it (the property tests and the disaggregation rely on this being a second opinion).
 */
public final class ScheduleCheck {

    /** Absolute slack for floating-point comparisons (MW or MWh). */
    public static final double EPSILON = 1e-5;

    private ScheduleCheck() {
    }

    public static List<Violation> violations(Problem problem, List<AssetSchedule> assets) {
        Map<String, AssetSchedule> byId = assets.stream().collect(Collectors.toMap(AssetSchedule::assetId, a -> a));
        List<Violation> found = new ArrayList<>();
        int n = problem.horizon().slotCount();
        double h = problem.horizon().slotHours();
        for (String id : problem.assetIds()) {
            if (!byId.containsKey(id)) {
                found.add(new Violation("assetScheduled", id, -1, 1, "missing"));
            }
        }
        for (Battery b : problem.batteries()) {
            AssetSchedule s = byId.get(b.id());
            if (s == null) {
                continue;
            }
            double rampPerSlot = b.rampMwPerMin() * problem.horizon().slotMinutes();
            for (int t = 0; t < n; t++) {
                double soc = s.socMwh().get(t);
                double p = s.powerMw().get(t);
                exceed(found, "socMax", b.id(), t, soc - b.socMaxMwh(), "MWh");
                exceed(found, "socMin", b.id(), t, b.socMinMwh() - soc, "MWh");
                exceed(found, "reserve", b.id(), t, b.reserveMwh() - soc, "MWh");
                exceed(found, "dischargePower", b.id(), t, p - b.maxDischargeMw(), "MW");
                exceed(found, "chargePower", b.id(), t, -p - b.maxChargeMw(), "MW");
                if (t > 0) {
                    exceed(found, "ramp", b.id(), t, Math.abs(p - s.powerMw().get(t - 1)) - rampPerSlot, "MW");
                }
            }
        }
        for (Renewable r : problem.renewables()) {
            AssetSchedule s = byId.get(r.id());
            for (int t = 0; s != null && t < n; t++) {
                exceed(found, "forecastExceeded", r.id(), t, s.powerMw().get(t) - r.forecastMw().get(t), "MW");
                exceed(found, "negativeGeneration", r.id(), t, -s.powerMw().get(t), "MW");
            }
        }
        for (Generator g : problem.generators()) {
            AssetSchedule s = byId.get(g.id());
            if (s != null) {
                generatorViolations(g, s.powerMw(), problem.horizon().slotMinutes(), found);
            }
        }
        for (FlexibleLoad l : problem.loads()) {
            AssetSchedule s = byId.get(l.id());
            if (s == null) {
                continue;
            }
            double energy = 0;
            for (int t = 0; t < n; t++) {
                double consumption = -s.powerMw().get(t);
                energy += consumption * h;
                exceed(found, "loadMax", l.id(), t, consumption - l.maxConsumptionMw().get(t), "MW");
                exceed(found, "loadMin", l.id(), t, l.minConsumptionMw().get(t) - consumption, "MW");
            }
            exceed(found, "loadEnergy", l.id(), -1, Math.abs(energy - l.energyMwh()) - l.energyToleranceMwh(), "MWh");
        }
        for (EvSession e : problem.evSessions()) {
            AssetSchedule s = byId.get(e.id());
            if (s == null) {
                continue;
            }
            double energy = 0;
            for (int t = 0; t < n; t++) {
                double consumption = -s.powerMw().get(t);
                energy += consumption * h;
                if (!e.plugged(t)) {
                    exceed(found, "evNotPlugged", e.id(), t, Math.abs(consumption), "MW");
                } else if (!e.isStep(consumption, EPSILON)) {
                    found.add(new Violation("evPowerStep", e.id(), t, Math.abs(consumption), "MW"));
                }
            }
            exceed(found, "evCapacity", e.id(), -1, energy - e.maxEnergyMwh(), "MWh");
        }
        Map<String, Set<String>> nodeAssets = new HashMap<>();
        for (GridNode node : problem.nodes()) {
            nodeAssets.put(node.id(), node.assetIds());
            double[] nodeNet = net(byId, node.assetIds(), n);
            for (int t = 0; t < n; t++) {
                double net = nodeNet[t];
                exceed(found, "gridExport", node.id(), t, net - node.exportLimitMw(), "MW");
                exceed(found, "gridImport", node.id(), t, -net - node.importLimitMw(), "MW");
            }
        }
        if (problem.blocks().active()) {
            BlockProducts blocks = problem.blocks();
            double[] fleet = new double[n];
            for (AssetSchedule a : assets) {
                for (int t = 0; t < n; t++) fleet[t] += a.powerMw().get(t);
            }
            for (int start = 0; start < n; start += blocks.slots()) {
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (int t = start; t < Math.min(n, start + blocks.slots()); t++) {
                    low = Math.min(low, fleet[t]);
                    high = Math.max(high, fleet[t]);
                }
                exceed(found, "blockQuantity", "fleet", start, high - low - blocks.toleranceMw(), "MW");
            }
        }
        for (Commitment c : problem.commitments()) {
            double net = c.nodeId().map(id -> net(byId, nodeAssets.get(id), n)[c.slot()])
                    .orElseGet(() -> assets.stream().mapToDouble(a -> a.powerMw().get(c.slot())).sum());
            exceed(found, "commitment", c.nodeId().orElse("fleet"), c.slot(),
                    Math.abs(net - c.netMw()) - c.toleranceMw(), "MW");
        }
        return found;
    }

    public static Valuation valuation(Problem problem, List<AssetSchedule> assets) {
        Map<String, AssetSchedule> byId = assets.stream().collect(Collectors.toMap(AssetSchedule::assetId, a -> a));
        int n = problem.horizon().slotCount();
        double h = problem.horizon().slotHours();
        double revenue = 0;
        for (AssetSchedule a : assets) {
            for (int t = 0; t < n; t++) {
                revenue += problem.prices().at(t) * a.powerMw().get(t) * h;
            }
        }
        double degradation = 0;
        double terminal = 0;
        for (Battery b : problem.batteries()) {
            AssetSchedule s = byId.get(b.id());
            if (s == null) {
                continue;
            }
            double previous = b.initialSocMwh();
            for (int t = 0; t < n; t++) {
                double soc = s.socMwh().get(t);
                degradation += b.degradationEurPerMwh() * Math.abs(soc - previous) + b.depthWearEur(soc, h);
                previous = soc;
            }
            terminal += b.terminalValueEurPerMwh() * Math.max(0, b.terminalTargetMwh() - previous);
        }
        double fuel = 0;
        double startUps = 0;
        for (Generator g : problem.generators()) {
            AssetSchedule s = byId.get(g.id());
            for (int t = 0; s != null && t < n; t++) {
                fuel += g.costEurPerMwh() * s.powerMw().get(t) * h;
            }
            if (s != null) {
                startUps += g.startUpCostEur() * starts(g, s.powerMw());
            }
        }
        double evShortfall = 0;
        for (EvSession e : problem.evSessions()) {
            AssetSchedule s = byId.get(e.id());
            if (s != null) {
                evShortfall += e.shortfallEurPerMwh() * evShortfallMwh(e, s.powerMw(), h);
            }
        }
        return new Valuation(revenue, degradation, fuel, terminal, startUps, evShortfall);
    }

    /** How often a generator starts in a schedule: slots on after a slot off, slot 0 after an off state included. */
    public static int starts(Generator g, List<Double> powerMw) {
        int count = 0;
        boolean wasOn = g.initiallyOn();
        for (double p : powerMw) {
            boolean on = p > EPSILON;
            if (on && !wasOn) count++;
            wasOn = on;
        }
        return count;
    }

    /** The energy an EV session misses at departure (0 when its need is met). */
    public static double evShortfallMwh(EvSession e, List<Double> powerMw, double slotHours) {
        double delivered = 0;
        for (double p : powerMw) delivered -= p * slotHours;
        return Math.max(0, e.energyNeededMwh() - delivered);
    }

    /**
     * A generator's output against its limits and its unit-commitment rules: in [min, max] when on; the ramp between
     * two slots on, and the start/stop limit around a start or a stop (from the state before slot 0 too); after each
     * start every slot within the minimum up time that is off, after each stop every slot within the minimum down time
     * that is on, is one violation (the state before slot 0 counted in; a run cut by the horizon's end is no violation).
     */
    static void generatorViolations(Generator g, List<Double> powerMw, double slotMinutes, List<Violation> found) {
        int n = powerMw.size();
        boolean[] on = new boolean[n];
        for (int t = 0; t < n; t++) on[t] = powerMw.get(t) > EPSILON;
        double ramp = g.rampPerSlotMw(slotMinutes);
        double startStop = g.startStopLimitMw(slotMinutes);
        for (int t = 0; t < n; t++) {
            double p = powerMw.get(t);
            boolean wasOn = t == 0 ? g.initiallyOn() : on[t - 1];
            double previous = t == 0 ? g.initialMw() : powerMw.get(t - 1);
            if (on[t]) {
                exceed(found, "generatorMax", g.id(), t, p - g.maxMw(), "MW");
                exceed(found, "generatorMin", g.id(), t, g.minMw() - p, "MW");
            } else {
                exceed(found, "generatorNegative", g.id(), t, -p, "MW");
            }
            if (on[t] && wasOn) {
                exceed(found, "generatorRamp", g.id(), t, Math.abs(p - previous) - ramp, "MW");
            } else if (on[t]) {
                exceed(found, "generatorStartRamp", g.id(), t, p - startStop, "MW");
            } else if (wasOn) {
                exceed(found, "generatorStopRamp", g.id(), t, previous - startStop, "MW");
            }
            if (on[t] != wasOn) {
                int rule = on[t] ? g.minUpSlots() : g.minDownSlots();
                for (int u = t + 1; u < Math.min(n, t + rule); u++) {
                    if (on[u] != on[t]) {
                        found.add(new Violation(on[t] ? "generatorMinUp" : "generatorMinDown", g.id(), u, 1, "slots"));
                    }
                }
            }
        }
        for (int u = 0; u < Math.min(n, g.initiallyHeldSlots()); u++) {
            if (on[u] != g.initiallyOn()) {
                found.add(new Violation(g.initiallyOn() ? "generatorMinUp" : "generatorMinDown", g.id(), u, 1, "slots"));
            }
        }
    }

    /**
     * The score explained per rule and per asset or node, in the solver's units (hard: Wh of violation,
     * soft: milli-EUR), recomputed from the schedule itself. Timefold's own {@code SolutionManager.analyze}
     * is an Enterprise feature in Timefold 2.2, so the Community build explains the score this way.
     */
    public static ScoreExplanation explain(Problem problem, List<AssetSchedule> assets) {
        Map<String, AssetSchedule> byId = assets.stream().collect(Collectors.toMap(AssetSchedule::assetId, a -> a));
        int n = problem.horizon().slotCount();
        double h = problem.horizon().slotHours();
        List<ConstraintScore> perSubject = new ArrayList<>();
        for (String id : problem.assetIds()) {
            AssetSchedule a = byId.get(id);
            if (a == null) {
                continue;
            }
            double revenue = 0;
            for (int t = 0; t < n; t++) {
                revenue += problem.prices().at(t) * a.powerMw().get(t) * h;
            }
            perSubject.add(new ConstraintScore("Energy revenue", id, 0, Math.round(revenue * 1000), n));
        }
        for (Battery b : problem.batteries()) {
            AssetSchedule s = byId.get(b.id());
            if (s == null) {
                continue;
            }
            Valuation v = valuation(problem.withOnlyBattery(b), List.of(s));
            perSubject.add(new ConstraintScore("Battery degradation cost", b.id(), 0,
                    -Math.round(v.degradationCostEur() * 1000), n));
            if (v.terminalShortfallCostEur() > 0) {
                perSubject.add(new ConstraintScore("Terminal state of charge target", b.id(), 0,
                        -Math.round(v.terminalShortfallCostEur() * 1000), 1));
            }
        }
        for (Generator g : problem.generators()) {
            AssetSchedule s = byId.get(g.id());
            double fuel = 0;
            for (int t = 0; s != null && t < n; t++) {
                fuel += g.costEurPerMwh() * s.powerMw().get(t) * h;
            }
            perSubject.add(new ConstraintScore("Fuel cost", g.id(), 0, -Math.round(fuel * 1000), n));
        }
        for (Generator g : problem.generators()) {
            AssetSchedule s = byId.get(g.id());
            int starts = s == null ? 0 : starts(g, s.powerMw());
            if (starts > 0 && g.startUpCostEur() > 0) {
                perSubject.add(new ConstraintScore("Start-up cost", g.id(), 0,
                        -Math.round(g.startUpCostEur() * starts * 1000), starts));
            }
        }
        for (EvSession e : problem.evSessions()) {
            AssetSchedule s = byId.get(e.id());
            double missing = s == null ? 0 : evShortfallMwh(e, s.powerMw(), h);
            if (missing > EPSILON) {
                perSubject.add(new ConstraintScore("EV energy by departure", e.id(), 0,
                        -Math.round(e.shortfallEurPerMwh() * missing * 1000), 1));
            }
        }
        Map<String, long[]> hard = new java.util.LinkedHashMap<>();
        for (Violation v : violations(problem, assets)) {
            double mwh = switch (v.unit()) {
                case "MW" -> v.amount() * h;
                case "slots" -> v.amount() * h * maxGeneratorMw(problem, v.subject());
                default -> v.amount();
            };
            long[] sums = hard.computeIfAbsent(v.rule() + "\u0000" + v.subject(), k -> new long[2]);
            sums[0] -= Math.max(1, Math.round(mwh * 1_000_000));
            sums[1]++;
        }
        hard.forEach((key, sums) -> {
            String[] parts = key.split("\u0000");
            perSubject.add(new ConstraintScore(parts[0], parts[1], sums[0], 0, (int) sums[1]));
        });
        Map<String, ConstraintScore> totals = new java.util.LinkedHashMap<>();
        for (ConstraintScore c : perSubject) {
            totals.merge(c.constraint(), new ConstraintScore(c.constraint(), "*", c.hardWh(), c.softMilliEur(), c.matchCount()),
                    (x, y) -> new ConstraintScore(x.constraint(), "*", x.hardWh() + y.hardWh(),
                            x.softMilliEur() + y.softMilliEur(), x.matchCount() + y.matchCount()));
        }
        StringBuilder summary = new StringBuilder();
        totals.values().forEach(c -> summary.append(String.format("%-34s %12d Wh %16.3f EUR%n", c.constraint(),
                c.hardWh(), c.softMilliEur() / 1000.0)));
        return new ScoreExplanation(List.copyOf(totals.values()), perSubject, summary.toString());
    }

    /** A minimum up or down time broken for a slot weighs as the generator's full output in that slot. */
    public static double maxGeneratorMw(Problem problem, String id) {
        return problem.generators().stream().filter(g -> g.id().equals(id)).mapToDouble(Generator::maxMw).findFirst()
                .orElse(1.0);
    }

    /** The net power of a node's assets per slot, visiting only its members (a fleet has thousands of assets). */
    private static double[] net(Map<String, AssetSchedule> byId, Set<String> ids, int n) {
        double[] net = new double[n];
        for (String id : ids) {
            AssetSchedule s = byId.get(id);
            if (s == null) continue;
            for (int t = 0; t < n; t++) net[t] += s.powerMw().get(t);
        }
        return net;
    }

    private static void exceed(List<Violation> found, String rule, String subject, int slot, double excess, String unit) {
        if (excess > EPSILON) {
            found.add(new Violation(rule, subject, slot, excess, unit));
        }
    }
}
