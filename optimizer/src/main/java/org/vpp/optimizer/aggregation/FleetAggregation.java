package org.vpp.optimizer.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.ScheduleCheck;

/**
 * Two-level scheme for large fleets: the batteries of each group (optionally split into shape classes) become
 * equivalent batteries (sums of energies, powers and ramps; efficiencies and costs weighted by capacity), the
 * aggregated problem is optimized, then each group's devices follow the group's setpoint through a small
 * per-group LP that respects every device limit. Other assets pass through unchanged.
 */
public final class FleetAggregation {

    private FleetAggregation() {
    }

    /**
     * One equivalent battery per group, named after the group.
     *
     * @param groupOfBattery battery id to group id; batteries not listed stay individual. Every grid node must
     *                       contain either all or none of a group's batteries.
     */
    public static AggregatedProblem aggregate(Problem problem, Map<String, String> groupOfBattery) {
        return aggregate(problem, groupOfBattery, ShapeClasses.none());
    }

    /**
     * Each group split into equivalent batteries of similar shape ({@code classes}); a group whose batteries
     * all fall into one class keeps the group's name, otherwise its units are named {@code group#class}.
     * Grid nodes and commitments refer to whole groups, so they carry over unchanged to the units.
     */
    public static AggregatedProblem aggregate(Problem problem, Map<String, String> groupOfBattery, ShapeClasses classes) {
        Map<String, Map<String, List<Battery>>> byGroup = new LinkedHashMap<>();
        List<Battery> batteries = new ArrayList<>();
        for (Battery b : problem.batteries()) {
            String group = groupOfBattery.get(b.id());
            if (group == null) {
                batteries.add(b);
            } else {
                byGroup.computeIfAbsent(group, k -> new TreeMap<>())
                        .computeIfAbsent(classes.classOf(b), k -> new ArrayList<>()).add(b);
            }
        }
        Map<String, List<Battery>> members = new LinkedHashMap<>();
        Map<String, String> groupOfUnit = new LinkedHashMap<>();
        Map<String, List<String>> unitsOfGroup = new HashMap<>();
        byGroup.forEach((group, byClass) -> byClass.forEach((shape, devices) -> {
            String unit = byClass.size() == 1 ? group : group + "#" + shape;
            members.put(unit, devices);
            groupOfUnit.put(unit, group);
            unitsOfGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(unit);
        }));
        members.forEach((unit, devices) -> batteries.add(equivalent(unit, devices)));
        List<GridNode> nodes = new ArrayList<>();
        for (GridNode node : problem.nodes()) {
            Set<String> ids = new HashSet<>();
            for (String id : node.assetIds()) {
                String group = groupOfBattery.get(id);
                if (group == null) {
                    ids.add(id);
                    continue;
                }
                ids.addAll(unitsOfGroup.get(group));
                boolean whole = byGroup.get(group).values().stream().flatMap(List::stream)
                        .allMatch(b -> node.assetIds().contains(b.id()));
                if (!whole) {
                    throw new IllegalArgumentException("node " + node.id() + " splits group " + group);
                }
            }
            nodes.add(new GridNode(node.id(), ids, node.importLimitMw(), node.exportLimitMw()));
        }
        List<Commitment> commitments = problem.commitments();
        Problem aggregated = new Problem(problem.horizon(), problem.prices(), batteries, problem.renewables(),
                problem.generators(), problem.loads(), problem.evSessions(), nodes, commitments, problem.blocks());
        return new AggregatedProblem(problem, aggregated, members, groupOfUnit);
    }

    /**
     * The equivalent battery of a group: the sum of its devices. The depth term's floor is the sum of the devices'
     * floors and its price their capacity-weighted mean: exact when the devices of a class move in proportion (the
     * tracking LP prices each device's own depth).
     */
    static Battery equivalent(String group, List<Battery> devices) {
        double capacity = 0, floor = 0, socMax = 0, reserve = 0, initial = 0, charge = 0, discharge = 0, ramp = 0;
        double etaC = 0, etaD = 0, degradation = 0, target = 0, targetValue = 0, deepFloor = 0, deepPrice = 0;
        for (Battery b : devices) {
            capacity += b.capacityMwh();
            floor += b.usableFloorMwh();
            socMax += b.socMaxMwh();
            reserve += b.reserveMwh();
            initial += b.initialSocMwh();
            charge += b.maxChargeMw();
            discharge += b.maxDischargeMw();
            ramp += b.rampMwPerMin();
            etaC += b.chargeEfficiency() * b.capacityMwh();
            etaD += b.dischargeEfficiency() * b.capacityMwh();
            degradation += b.degradationEurPerMwh() * b.capacityMwh();
            target += b.terminalTargetMwh();
            targetValue += b.terminalValueEurPerMwh() * b.capacityMwh();
            deepFloor += b.deepFloorMwh();
            deepPrice += b.deepEurPerMwhHour() * b.capacityMwh();
        }
        return new Battery(group, capacity, floor, socMax, Math.min(reserve, floor), initial, etaC / capacity,
                etaD / capacity, charge, discharge, ramp, degradation / capacity, target, targetValue / capacity,
                Math.min(deepFloor, capacity), deepPrice / capacity);
    }

    /**
     * Each group's devices follow the group's setpoint (the sum of its units' setpoints) as closely as their
     * own limits allow, and among the closest splits take the most valuable one: one LP per group
     * ({@link GroupTracking}: device power limits, floor/ceiling, reserve, efficiencies, ramp, degradation and
     * terminal target). What the devices cannot follow is reported as a {@link DisaggregationShortfall} of the
     * group; every device is returned and re-checked with {@link ScheduleCheck}.
     */
    public static Disaggregation disaggregate(AggregatedProblem problem, List<AssetSchedule> aggregatedSchedule) {
        return disaggregate(problem, aggregatedSchedule, 1);
    }

    /**
     * As {@link #disaggregate(AggregatedProblem, List)}, with the groups' LPs solved on {@code threads} threads
     * (each LP is independent and deterministic, so the result does not depend on the thread count).
     */
    public static Disaggregation disaggregate(AggregatedProblem problem, List<AssetSchedule> aggregatedSchedule,
                                              int threads) {
        Problem original = problem.original();
        int n = original.horizon().slotCount();
        Map<String, AssetSchedule> byId = new HashMap<>();
        aggregatedSchedule.forEach(a -> byId.put(a.assetId(), a));
        List<AssetSchedule> devices = new ArrayList<>();
        for (AssetSchedule a : aggregatedSchedule) {
            if (!problem.members().containsKey(a.assetId())) {
                devices.add(a);
            }
        }
        Map<String, List<Battery>> groupDevices = new LinkedHashMap<>();
        Map<String, double[]> groupSetpoint = new LinkedHashMap<>();
        problem.members().forEach((unit, members) -> {
            String group = problem.groupOfUnit().get(unit);
            groupDevices.computeIfAbsent(group, k -> new ArrayList<>()).addAll(members);
            double[] setpoint = groupSetpoint.computeIfAbsent(group, k -> new double[n]);
            AssetSchedule s = byId.get(unit);
            for (int t = 0; s != null && t < n; t++) {
                setpoint[t] += s.powerMw().get(t);
            }
        });
        List<String> groups = new ArrayList<>(groupDevices.keySet());
        GroupTracking.Result[] results = new GroupTracking.Result[groups.size()];
        IntConsumer solveGroup = k -> results[k] = GroupTracking.solve(original.horizon(), original.prices(),
                groupDevices.get(groups.get(k)), groupSetpoint.get(groups.get(k)));
        if (threads <= 1 || groups.size() <= 1) {
            for (int k = 0; k < groups.size(); k++) {
                solveGroup.accept(k);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, groups.size()));
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < groups.size(); k++) {
                    int index = k;
                    futures.add(pool.submit(() -> solveGroup.accept(index)));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("disaggregation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("disaggregation LP failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<DisaggregationShortfall> shortfalls = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            String group = groups.get(k);
            List<Battery> members = groupDevices.get(group);
            double[] setpoint = groupSetpoint.get(group);
            GroupTracking.Result result = results[k];
            if (result.powerMw() == null) {
                // The LP failed (it should not: idle devices with the whole setpoint as deviation are feasible).
                // Say so in the only honest way: the devices stay idle and the whole setpoint is missing.
                for (Battery b : members) {
                    devices.add(new AssetSchedule(b.id(), toList(new double[n]),
                            java.util.Collections.nCopies(n, b.initialSocMwh())));
                }
                for (int t = 0; t < n; t++) {
                    if (Math.abs(setpoint[t]) > ScheduleCheck.EPSILON) {
                        shortfalls.add(new DisaggregationShortfall(group, t, setpoint[t]));
                    }
                }
                continue;
            }
            for (int t = 0; t < n; t++) {
                double delivered = 0;
                for (double[] p : result.powerMw()) {
                    delivered += p[t];
                }
                double missing = setpoint[t] - delivered;
                if (Math.abs(missing) > ScheduleCheck.EPSILON) {
                    shortfalls.add(new DisaggregationShortfall(group, t, missing));
                }
            }
            for (int i = 0; i < members.size(); i++) {
                devices.add(new AssetSchedule(members.get(i).id(), toList(result.powerMw()[i]), toList(result.socMwh()[i])));
            }
        }
        return new Disaggregation(devices, shortfalls, ScheduleCheck.violations(original, devices));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
