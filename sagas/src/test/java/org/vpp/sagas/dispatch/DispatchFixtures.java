package org.vpp.sagas.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.dispatch.DispatchKind;

/** Devices, groups and plans for the dispatch rules' tests, so each test states only the numbers it is about. */
final class DispatchFixtures {

    static final Instant START = Instant.parse("2026-06-16T10:00:00Z");
    static final Duration QUARTER = Duration.ofMinutes(15);
    static final Duration HOUR = Duration.ofHours(1);

    private DispatchFixtures() {
    }

    /** A battery with unit efficiencies unless given: min/max power, capacity, usable SoC floor and ceiling. */
    static DispatchDevice battery(String id, double minMw, double maxMw, double capacityMwh, double floor,
                                  double ceiling, double efficiency, double cost, String... groups) {
        return new DispatchDevice(id, AssetKind.BATTERY, List.of(groups),
                TechnicalLimits.storage(minMw, maxMw, capacityMwh, efficiency, efficiency, null, floor, ceiling, 0),
                true, cost, null);
    }

    static DispatchDevice generator(String id, double minMw, double maxMw, Double rampMwPerMin, double cost,
                                    String... groups) {
        return new DispatchDevice(id, AssetKind.GENERATOR, List.of(groups),
                TechnicalLimits.power(minMw, maxMw, rampMwPerMin), true, cost, null);
    }

    static DispatchDevice pv(String id, double maxMw, double cost, String... groups) {
        return new DispatchDevice(id, AssetKind.PV, List.of(groups), TechnicalLimits.power(0, maxMw, null), true,
                cost, null);
    }

    static DispatchDevice wind(String id, double maxMw, double cost, String... groups) {
        return new DispatchDevice(id, AssetKind.WIND, List.of(groups), TechnicalLimits.power(0, maxMw, null), true,
                cost, null);
    }

    static DispatchDevice load(String id, double minMw, String... groups) {
        return new DispatchDevice(id, AssetKind.LOAD, List.of(groups), TechnicalLimits.power(minMw, 0, null), false,
                0, null);
    }

    static GridGroup group(String id, AssetKind kind, String parentId, Double gridLimitMw) {
        return new GridGroup(id, kind, parentId, gridLimitMw);
    }

    /** A MARKET plan of the given powers (one array per device, per slot). */
    static DispatchPlan marketPlan(Duration slotLength, List<DispatchDevice> devices, List<GridGroup> groups,
                                   Map<String, double[]> powerMw, Map<String, double[]> socMwh) {
        int slots = powerMw.values().stream().mapToInt(a -> a.length).max().orElse(1);
        double[] target = new double[slots];
        for (int s = 0; s < slots; s++) {
            for (double[] p : powerMw.values()) target[s] += p[s];
        }
        return new DispatchPlan("dispatch-1", DispatchKind.MARKET, "P", START, slotLength, slots, devices, groups,
                powerMw, Map.of(), socMwh, target);
    }

    /** A condition with a fresh reading ({@code ageMinutes} before {@link #START}); null age = never reported. */
    static DeviceCondition reporting(String id, Integer ageMinutes, Double powerMw, Double soc) {
        return new DeviceCondition(id, true, ageMinutes == null ? null : START.minus(Duration.ofMinutes(ageMinutes)),
                powerMw, soc, true);
    }

    static DeviceCondition offline(String id) {
        return new DeviceCondition(id, false, START, 0.0, null, true);
    }

    static DeviceCondition unavailable(String id) {
        return new DeviceCondition(id, true, START, 0.0, null, false);
    }

    static double[] constant(int slots, double value) {
        double[] values = new double[slots];
        Arrays.fill(values, value);
        return values;
    }
}
