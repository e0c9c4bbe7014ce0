package org.vpp.api.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.Megawatts;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.FlexibleLoad;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Renewable;

/**
 * From what a cycle fetched to the optimizer's problem, and the fleet's flexibility per slot: pure functions.
 * <ul>
 *   <li>Batteries start from their last reported state of charge (half full when never reported) and should end
 *       there: each missing MWh at the end is valued at the day's mean expected price, so the plan does not sell
 *       stored energy it found in the morning.</li>
 *   <li>PV and wind may produce up to their forecast (curtailment is free); loads consume their forecast (not
 *       shiftable until flexible-load contracts exist); generators run between their minimum and maximum at
 *       {@code generatorCost}, within their registered ramp rate.</li>
 *   <li>EV chargers are left out, and said so in {@link #notes}: the optimizer plans EV sessions (issue 13), but no
 *       charging sessions are reported to the VPP yet.</li>
 *   <li>Every group with a grid-connection limit becomes a grid node over the devices beneath it.</li>
 * </ul>
 */
public final class PlanningProblem {

    /** Wear per MWh of battery throughput when the registry has no figure for it. */
    public static final double DEGRADATION_EUR_PER_MWH = 2.0;
    static final double UNKNOWN_SOC = 0.5;

    private PlanningProblem() {
    }

    /** The kinds {@link #problem} plans (its switch); what else the fleet holds is said in {@link #notes}. */
    static final Set<AssetKind> PLANNED_KINDS = EnumSet.of(AssetKind.BATTERY, AssetKind.PV, AssetKind.WIND,
            AssetKind.LOAD, AssetKind.GENERATOR);

    /** How many of the snapshot's devices the problem plans: none, and there is no problem to solve. */
    public static int plannedAssets(FleetSnapshot fleet) {
        return (int) fleet.devices().stream().filter(d -> PLANNED_KINDS.contains(d.kind())).count();
    }

    /** @throws IllegalArgumentException when nothing in the fleet is planned ({@link #plannedAssets} is 0) */
    public static Problem problem(FleetSnapshot fleet, DeviceForecasts forecasts, List<Double> expectedPrices,
                                  double generatorCostEurPerMwh) {
        int n = forecasts.slots();
        Horizon horizon = new Horizon(n, (int) forecasts.slotLength().toMinutes());
        double meanPrice = expectedPrices.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<String, double[]> forecast = new HashMap<>();
        forecasts.series().forEach(s -> forecast.put(s.deviceId(), s.mw()));
        List<Battery> batteries = new ArrayList<>();
        List<Renewable> renewables = new ArrayList<>();
        List<Generator> generators = new ArrayList<>();
        List<FlexibleLoad> loads = new ArrayList<>();
        for (FleetSnapshot.Device d : fleet.devices()) {
            TechnicalLimits l = d.limits();
            switch (d.kind()) {
                case BATTERY -> batteries.add(battery(d, Math.max(0, meanPrice)));
                case PV, WIND -> {
                    double max = l == null ? Double.MAX_VALUE : l.maxPowerOr(Double.MAX_VALUE);
                    double[] mw = forecast.getOrDefault(d.id(), new double[n]);
                    List<Double> clipped = new ArrayList<>(n);
                    for (int t = 0; t < n; t++) clipped.add(Math.max(0, Math.min(max, mw[t])));
                    renewables.add(new Renewable(d.id(), clipped));
                }
                case LOAD -> {
                    double[] mw = forecast.getOrDefault(d.id(), new double[n]);
                    List<Double> consumption = new ArrayList<>(n);
                    double energy = 0;
                    for (int t = 0; t < n; t++) {
                        double c = Math.max(0, mw[t]);
                        consumption.add(c);
                        energy += c * horizon.slotHours();
                    }
                    loads.add(new FlexibleLoad(d.id(), energy, 1e-6, consumption, consumption));
                }
                case GENERATOR -> {
                    double max = l == null ? 0 : Math.max(0, l.maxPowerOr(0));
                    double min = l == null ? 0 : Math.max(0, Math.min(max, l.minPowerOr(0)));
                    Generator generator = new Generator(d.id(), min, max, generatorCostEurPerMwh);
                    // The registry knows a generator's ramp, not its minimum up/down times or start-up cost (nor its
                    // output before the delivery day: taken as long off).
                    Double ramp = l == null ? null : l.rampRateMwPerMin();
                    generators.add(ramp != null && ramp > 0 ? generator.withCommitment(ramp, 1, 1, 0) : generator);
                }
                default -> {
                }
            }
        }
        Problem problem = new Problem(horizon, Prices.expected(expectedPrices), batteries, renewables, generators,
                loads, List.of(), List.of(), List.of());
        List<GridNode> nodes = gridNodes(fleet, new HashSet<>(problem.assetIds()));
        return new Problem(horizon, problem.prices(), behindTheirConnection(batteries, nodes), renewables, generators,
                loads, List.of(), nodes, List.of());
    }

    /**
     * A battery alone behind a grid connection smaller than its inverter can never use more than the connection: its
     * power limits are the connection's. Exact, and it keeps the optimizer's discretisation on powers the battery can
     * really run at (rounding its state of charge to the nearest level no longer overshoots the connection).
     */
    static List<Battery> behindTheirConnection(List<Battery> batteries, List<GridNode> nodes) {
        Map<String, GridNode> alone = new HashMap<>();
        for (GridNode node : nodes) {
            if (node.assetIds().size() == 1) {
                String only = node.assetIds().iterator().next();
                alone.merge(only, node, (a, b) -> a.exportLimitMw() + a.importLimitMw() <= b.exportLimitMw() + b.importLimitMw() ? a : b);
            }
        }
        List<Battery> out = new ArrayList<>(batteries.size());
        for (Battery b : batteries) {
            GridNode node = alone.get(b.id());
            if (node == null || (b.maxChargeMw() <= node.importLimitMw() && b.maxDischargeMw() <= node.exportLimitMw())) {
                out.add(b);
                continue;
            }
            double charge = Math.min(b.maxChargeMw(), node.importLimitMw());
            double discharge = Math.min(b.maxDischargeMw(), node.exportLimitMw());
            out.add(new Battery(b.id(), b.capacityMwh(), b.socMinMwh(), b.socMaxMwh(), b.reserveMwh(), b.initialSocMwh(),
                    b.chargeEfficiency(), b.dischargeEfficiency(), charge, discharge,
                    b.rampMwPerMin(), b.degradationEurPerMwh(),
                    b.terminalTargetMwh(), b.terminalValueEurPerMwh(), b.deepFloorMwh(), b.deepEurPerMwhHour()));
        }
        return out;
    }

    /** What the snapshot holds that the problem leaves out, for the record. */
    public static List<String> notes(FleetSnapshot fleet) {
        long ev = fleet.devices().stream().filter(d -> d.kind() == AssetKind.EV_CHARGER).count();
        List<String> notes = new ArrayList<>();
        if (ev > 0) notes.add(ev + " EV charger(s) planned at 0 MW: no charging sessions (arrival, departure, energy"
                + " needed) are reported to the VPP, which the optimizer's EV sessions need");
        if (!fleet.leftOut().isEmpty()) notes.add(fleet.leftOut().size() + " device(s) not available (not ONLINE)");
        return notes;
    }

    static Battery battery(FleetSnapshot.Device d, double terminalValue) {
        TechnicalLimits l = d.limits();
        double capacity = l.energyCapacityOr(0);
        double floor = capacity * l.usableSocFloor();
        double ceiling = capacity * l.maxSocOr(1.0);
        double reserve = Math.min(capacity * l.reserveSocOr(0), ceiling);
        double soc = d.soc() == null ? UNKNOWN_SOC : d.soc();
        double initial = Math.max(floor, Math.min(ceiling, soc * capacity));
        double charge = Math.max(0, -l.minPowerOr(0));
        double discharge = Math.max(0, l.maxPowerOr(0));
        double ramp = l.rampRateOr(Math.max(charge, discharge));
        return new Battery(d.id(), capacity, capacity * l.minSocOr(0), ceiling, reserve, initial,
                l.chargeEfficiencyOr(0.95), l.dischargeEfficiencyOr(0.95), charge, discharge,
                ramp > 0 ? ramp : Math.max(1e-6, Math.max(charge, discharge)), DEGRADATION_EUR_PER_MWH, initial,
                terminalValue);
    }

    /** One grid node per group with a grid-connection limit, over the planned devices beneath it. */
    static List<GridNode> gridNodes(FleetSnapshot fleet, Set<String> planned) {
        Map<String, FleetSnapshot.Group> groups = new HashMap<>();
        fleet.groups().forEach(g -> groups.put(g.id(), g));
        Map<String, Set<String>> beneath = new HashMap<>();
        for (FleetSnapshot.Device d : fleet.devices()) {
            if (!planned.contains(d.id())) continue;
            for (var g = groups.get(d.parentId()); g != null; g = groups.get(g.parentId())) {
                if (g.gridLimitMw() != null) beneath.computeIfAbsent(g.id(), k -> new HashSet<>()).add(d.id());
            }
        }
        List<GridNode> nodes = new ArrayList<>();
        beneath.forEach((id, devices) -> {
            double limit = Math.max(0, groups.get(id).gridLimitMw());
            nodes.add(new GridNode(id, devices, limit, limit));
        });
        nodes.sort(java.util.Comparator.comparing(GridNode::id));
        return nodes;
    }

    /**
     * How far the fleet's net power can move per slot: {@code up} is the most it can inject (batteries at full
     * discharge, renewables at their forecast, generators at maximum, less the loads), {@code down} the most it can
     * draw (batteries at full charge, renewables curtailed, generators off, plus the loads). Magnitudes, never
     * negative. State of charge and grid limits only narrow this, so a feasible plan stays within it.
     */
    public static List<SlotFlexibility> flexibility(Problem problem, Instant start, Duration slotLength) {
        int n = problem.horizon().slotCount();
        double batteryUp = problem.batteries().stream().mapToDouble(Battery::maxDischargeMw).sum();
        double batteryDown = problem.batteries().stream().mapToDouble(Battery::maxChargeMw).sum();
        double generatorsUp = problem.generators().stream().mapToDouble(Generator::maxMw).sum();
        List<SlotFlexibility> slots = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            final int slot = t;
            double renewables = problem.renewables().stream().mapToDouble(r -> r.forecastMw().get(slot)).sum();
            double loadMax = problem.loads().stream().mapToDouble(l -> l.maxConsumptionMw().get(slot)).sum();
            double loadMin = problem.loads().stream().mapToDouble(l -> l.minConsumptionMw().get(slot)).sum();
            double maxNet = batteryUp + renewables + generatorsUp - loadMin;
            double minNet = -batteryDown - loadMax;
            slots.add(new SlotFlexibility(start.plus(slotLength.multipliedBy(t)), Megawatts.of(Math.max(0, maxNet)),
                    Megawatts.of(Math.max(0, -minNet))));
        }
        return slots;
    }
}
