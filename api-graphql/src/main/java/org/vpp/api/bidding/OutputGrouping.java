package org.vpp.api.bidding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.FlexibleLoad;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;

/**
 * For large fleets: the PV and wind plants of a site planned as one curtailable plant (the sum of their forecasts)
 * and its loads as one load (the sum of their consumption), so the optimizer sees a few assets per site instead of
 * every device. Exact, not an approximation: curtailment is free and loads are not shifted, so a site's plants can
 * always share the site's output in proportion to their forecasts, and each load consumes its own forecast. Pure.
 *
 * @param grouped   the problem with one renewable and one load per site (grid nodes rewritten to them)
 * @param renewables the plants behind each grouped renewable
 * @param loads      the loads behind each grouped load
 */
public record OutputGrouping(Problem grouped, Map<String, List<Renewable>> renewables, Map<String, List<FlexibleLoad>> loads) {

    static final String RENEWABLES = "#renewables";
    static final String LOADS = "#loads";

    public static OutputGrouping bySite(Problem problem, Map<String, String> siteOf) {
        int n = problem.horizon().slotCount();
        Map<String, List<Renewable>> renewables = new LinkedHashMap<>();
        problem.renewables().forEach(r -> renewables.computeIfAbsent(siteOf.getOrDefault(r.id(), r.id()) + RENEWABLES,
                k -> new ArrayList<>()).add(r));
        Map<String, List<FlexibleLoad>> loads = new LinkedHashMap<>();
        problem.loads().forEach(l -> loads.computeIfAbsent(siteOf.getOrDefault(l.id(), l.id()) + LOADS,
                k -> new ArrayList<>()).add(l));
        Map<String, String> groupOf = new HashMap<>();
        renewables.forEach((g, members) -> members.forEach(m -> groupOf.put(m.id(), g)));
        loads.forEach((g, members) -> members.forEach(m -> groupOf.put(m.id(), g)));

        List<Renewable> groupedRenewables = new ArrayList<>();
        renewables.forEach((g, members) -> {
            List<Double> sum = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                double s = 0;
                for (Renewable r : members) s += r.forecastMw().get(t);
                sum.add(s);
            }
            groupedRenewables.add(new Renewable(g, sum));
        });
        List<FlexibleLoad> groupedLoads = new ArrayList<>();
        loads.forEach((g, members) -> {
            List<Double> min = new ArrayList<>(n);
            List<Double> max = new ArrayList<>(n);
            double energy = 0, tolerance = 0;
            for (int t = 0; t < n; t++) {
                double lo = 0, hi = 0;
                for (FlexibleLoad l : members) {
                    lo += l.minConsumptionMw().get(t);
                    hi += l.maxConsumptionMw().get(t);
                }
                min.add(lo);
                max.add(hi);
            }
            for (FlexibleLoad l : members) {
                energy += l.energyMwh();
                tolerance += l.energyToleranceMwh();
            }
            groupedLoads.add(new FlexibleLoad(g, energy, tolerance, min, max));
        });
        List<GridNode> nodes = new ArrayList<>();
        for (GridNode node : problem.nodes()) {
            Set<String> ids = new HashSet<>();
            node.assetIds().forEach(id -> ids.add(groupOf.getOrDefault(id, id)));
            nodes.add(new GridNode(node.id(), ids, node.importLimitMw(), node.exportLimitMw()));
        }
        Problem grouped = new Problem(problem.horizon(), problem.prices(), problem.batteries(), groupedRenewables,
                problem.generators(), groupedLoads, problem.evSessions(), nodes, problem.commitments(),
                problem.blocks());
        return new OutputGrouping(grouped, renewables, loads);
    }

    /** Every device's plan: a site's output shared by its plants in proportion to their forecasts, loads as planned. */
    public List<AssetSchedule> expand(List<AssetSchedule> schedule) {
        List<AssetSchedule> devices = new ArrayList<>();
        for (AssetSchedule a : schedule) {
            List<Renewable> plants = renewables.get(a.assetId());
            List<FlexibleLoad> members = loads.get(a.assetId());
            if (plants != null) {
                int n = a.powerMw().size();
                double[] total = new double[n];
                for (Renewable other : plants) {
                    for (int t = 0; t < n; t++) total[t] += other.forecastMw().get(t);
                }
                for (Renewable r : plants) {
                    List<Double> power = new ArrayList<>(n);
                    for (int t = 0; t < n; t++) {
                        power.add(total[t] <= 0 ? 0 : a.powerMw().get(t) * r.forecastMw().get(t) / total[t]);
                    }
                    devices.add(new AssetSchedule(r.id(), power, List.of()));
                }
            } else if (members != null) {
                int n = a.powerMw().size();
                double[] groupMin = new double[n];
                double[] groupMax = new double[n];
                for (FlexibleLoad other : members) {
                    for (int t = 0; t < n; t++) {
                        groupMin[t] += other.minConsumptionMw().get(t);
                        groupMax[t] += other.maxConsumptionMw().get(t);
                    }
                }
                for (FlexibleLoad l : members) {
                    List<Double> power = new ArrayList<>(n);
                    for (int t = 0; t < n; t++) {
                        double range = groupMax[t] - groupMin[t];
                        double share = range <= 1e-12 ? 0 : (-a.powerMw().get(t) - groupMin[t]) / range;
                        double own = l.minConsumptionMw().get(t)
                                + share * (l.maxConsumptionMw().get(t) - l.minConsumptionMw().get(t));
                        power.add(-own);
                    }
                    devices.add(new AssetSchedule(l.id(), power, List.of()));
                }
            } else {
                devices.add(a);
            }
        }
        return devices;
    }
}
