package org.vpp.optimizer.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.BatteryPhysics;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.ScheduleCheck;

/**
 * Two-level scheme for large fleets: the batteries of each group become one equivalent battery (sums of
 * energies, powers and ramps; efficiencies and costs weighted by capacity), the aggregated problem is
 * optimized, then each group's setpoints are shared among its devices in proportion to their headroom in
 * that slot, with the state of charge of every device tracked. Other assets pass through unchanged.
 */
public final class FleetAggregation {

    private FleetAggregation() {
    }

    /**
     * @param groupOfBattery battery id to group id; batteries not listed stay individual. Every grid node must
     *                       contain either all or none of a group's batteries.
     */
    public static AggregatedProblem aggregate(Problem problem, Map<String, String> groupOfBattery) {
        Map<String, List<Battery>> members = new LinkedHashMap<>();
        List<Battery> batteries = new ArrayList<>();
        for (Battery b : problem.batteries()) {
            String group = groupOfBattery.get(b.id());
            if (group == null) {
                batteries.add(b);
            } else {
                members.computeIfAbsent(group, k -> new ArrayList<>()).add(b);
            }
        }
        members.forEach((group, devices) -> batteries.add(equivalent(group, devices)));
        List<GridNode> nodes = new ArrayList<>();
        for (GridNode node : problem.nodes()) {
            Set<String> ids = new HashSet<>();
            for (String id : node.assetIds()) {
                String group = groupOfBattery.get(id);
                ids.add(group == null ? id : group);
                if (group != null && !node.assetIds().containsAll(members.get(group).stream().map(Battery::id).toList())) {
                    throw new IllegalArgumentException("node " + node.id() + " splits group " + group);
                }
            }
            nodes.add(new GridNode(node.id(), ids, node.importLimitMw(), node.exportLimitMw()));
        }
        List<Commitment> commitments = problem.commitments();
        Problem aggregated = new Problem(problem.horizon(), problem.prices(), batteries, problem.renewables(),
                problem.generators(), problem.loads(), nodes, commitments);
        return new AggregatedProblem(problem, aggregated, members);
    }

    /** The equivalent battery of a group: the sum of its devices. */
    static Battery equivalent(String group, List<Battery> devices) {
        double capacity = 0, floor = 0, socMax = 0, reserve = 0, initial = 0, charge = 0, discharge = 0, ramp = 0;
        double etaC = 0, etaD = 0, degradation = 0, target = 0, targetValue = 0;
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
        }
        return new Battery(group, capacity, floor, socMax, Math.min(reserve, floor), initial, etaC / capacity,
                etaD / capacity, charge, discharge, ramp, degradation / capacity, target, targetValue / capacity);
    }

    /** Shares each group's power among its devices by headroom, tracking every device's state of charge. */
    public static Disaggregation disaggregate(AggregatedProblem problem, List<AssetSchedule> aggregatedSchedule) {
        int n = problem.original().horizon().slotCount();
        double h = problem.original().horizon().slotHours();
        Map<String, AssetSchedule> byId = new HashMap<>();
        aggregatedSchedule.forEach(a -> byId.put(a.assetId(), a));
        List<AssetSchedule> devices = new ArrayList<>();
        List<DisaggregationShortfall> shortfalls = new ArrayList<>();
        for (AssetSchedule a : aggregatedSchedule) {
            if (!problem.members().containsKey(a.assetId())) {
                devices.add(a);
            }
        }
        problem.members().forEach((group, members) -> {
            AssetSchedule setpoints = byId.get(group);
            int m = members.size();
            double[] soc = new double[m];
            double[][] power = new double[m][n];
            double[][] socs = new double[m][n];
            for (int i = 0; i < m; i++) {
                soc[i] = members.get(i).initialSocMwh();
            }
            for (int t = 0; t < n; t++) {
                double target = setpoints == null ? 0.0 : setpoints.powerMw().get(t);
                double[] headroom = new double[m];
                double total = 0;
                for (int i = 0; i < m; i++) {
                    Battery b = members.get(i);
                    headroom[i] = target >= 0
                            ? Math.max(0, Math.min(b.maxDischargeMw(), (soc[i] - b.usableFloorMwh()) * b.dischargeEfficiency() / h))
                            : Math.max(0, Math.min(b.maxChargeMw(), (b.socMaxMwh() - soc[i]) / b.chargeEfficiency() / h));
                    total += headroom[i];
                }
                double magnitude = Math.min(Math.abs(target), total);
                if (Math.abs(target) - magnitude > ScheduleCheck.EPSILON) {
                    shortfalls.add(new DisaggregationShortfall(group, t, Math.signum(target) * (Math.abs(target) - magnitude)));
                }
                for (int i = 0; i < m; i++) {
                    Battery b = members.get(i);
                    double p = total > 0 ? Math.signum(target) * magnitude * headroom[i] / total : 0.0;
                    power[i][t] = p;
                    soc[i] += BatteryPhysics.deltaSocMwh(p * h, b.chargeEfficiency(), b.dischargeEfficiency());
                    soc[i] = Math.clamp(soc[i], b.usableFloorMwh(), b.socMaxMwh());
                    socs[i][t] = soc[i];
                }
            }
            for (int i = 0; i < m; i++) {
                devices.add(new AssetSchedule(members.get(i).id(), toList(power[i]), toList(socs[i])));
            }
        });
        return new Disaggregation(devices, shortfalls, ScheduleCheck.violations(problem.original(), devices));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
