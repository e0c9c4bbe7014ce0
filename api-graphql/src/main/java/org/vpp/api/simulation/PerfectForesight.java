package org.vpp.api.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vpp.api.bidding.DeviceForecasts;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.PlanningProblem;
import org.vpp.kernel.AssetKind;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;

/**
 * The most a delivery day could have made, knowing it all in advance: the bidding cycle's own planning problem
 * ({@link PlanningProblem}) with the day's actual prices instead of their forecast, each PV plant's and wind park's
 * actual available power and each load's actual demand (as the world offered them, in the slots the device was
 * available) instead of theirs, and each battery starting from the state of charge it really had when delivery began.
 * Solved as the LP relaxation, so the figure is an upper bound of what any schedule could have made: batteries are
 * exact, a generator's minimum stable output and a battery's outages are relaxed. Pure but for the solver.
 */
public final class PerfectForesight {

    private PerfectForesight() {
    }

    /**
     * @param fleet         the fleet the cycle planned with (its snapshot)
     * @param actualMw      per device (PV, wind: available power; loads: consumption, positive), per slot
     * @param socAtStart    per battery, its state of charge (fraction) when delivery began
     * @param actualPrices  the day's clearing prices per slot (EUR/MWh)
     */
    public static Problem problem(FleetSnapshot fleet, DeviceForecasts cycleForecasts, Map<String, double[]> actualMw,
                                  Map<String, Double> socAtStart, List<Double> actualPrices, double generatorCost) {
        List<FleetSnapshot.Device> devices = new ArrayList<>();
        for (FleetSnapshot.Device d : fleet.devices()) {
            Double soc = d.kind() == AssetKind.BATTERY ? socAtStart.getOrDefault(d.id(), d.soc()) : d.soc();
            devices.add(new FleetSnapshot.Device(d.id(), d.kind(), d.parentId(), d.limits(), soc, d.socAt()));
        }
        FleetSnapshot atStart = new FleetSnapshot(fleet.asOf(), devices, fleet.groups(), fleet.leftOut());
        List<DeviceForecasts.Series> actual = new ArrayList<>();
        for (DeviceForecasts.Series s : cycleForecasts.series()) {
            double[] mw = actualMw.getOrDefault(s.deviceId(), new double[cycleForecasts.slots()]);
            actual.add(new DeviceForecasts.Series(s.deviceId(), "actual", "actual", false, mw));
        }
        return PlanningProblem.problem(atStart, new DeviceForecasts(cycleForecasts.start(), cycleForecasts.slotLength(),
                cycleForecasts.slots(), actual), actualPrices, generatorCost);
    }

    /** The problem's optimum (objective, EUR): revenue at the prices minus fuel, wear and the stored energy used up. */
    public static LpSolution solve(Problem problem) {
        return new LpReference().solve(problem);
    }

    /** What a battery's wear costs in the problem, per MWh of throughput, by battery id. */
    public static Map<String, Double> wearByBattery(Problem problem) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (Battery b : problem.batteries()) out.put(b.id(), b.degradationEurPerMwh());
        return out;
    }

    /** What a battery's energy missing at the end (below its start) costs in the problem, per MWh, by battery id. */
    public static Map<String, double[]> terminalByBattery(Problem problem) {
        Map<String, double[]> out = new java.util.HashMap<>();
        for (Battery b : problem.batteries()) out.put(b.id(), new double[] {b.terminalTargetMwh(), b.terminalValueEurPerMwh(), b.capacityMwh()});
        return out;
    }
}
