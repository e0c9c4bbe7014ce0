package org.vpp.optimizer.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.Fixtures;
import org.vpp.optimizer.Optimizer;
import org.vpp.optimizer.OptimizerSettings;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

class FleetAggregationTest {

    @Test
    void sumsTheLimitsOfAGroupIntoOneEquivalentBattery() {
        Battery equivalent = FleetAggregation.equivalent("site", List.of(Battery.typical("a", 1, 2), Battery.typical("b", 3, 6)));

        assertThat(equivalent.capacityMwh()).isEqualTo(8.0);
        assertThat(equivalent.maxChargeMw()).isEqualTo(4.0);
        assertThat(equivalent.initialSocMwh()).isEqualTo(4.0);
        assertThat(equivalent.chargeEfficiency()).isCloseTo(0.95, within(1e-12));
    }

    @Test
    void disaggregatesEveryDeviceWithinItsOwnLimitsAndKeepsTheGroupTotal() {
        Problem devices = Fixtures.randomBatteries(21, 6, 16);
        Map<String, String> groups = new HashMap<>();
        devices.batteries().forEach(b -> groups.put(b.id(), Integer.parseInt(b.id().substring(1)) < 3 ? "siteA" : "siteB"));
        AggregatedProblem aggregated = FleetAggregation.aggregate(devices, groups);
        Schedule schedule = new Optimizer(OptimizerSettings.defaults().withTimeBudget(Duration.ofSeconds(1), Duration.ofMillis(300)))
                .optimize(aggregated.aggregated());

        Disaggregation result = FleetAggregation.disaggregate(aggregated, schedule.assets());

        assertThat(aggregated.aggregated().batteries()).hasSize(2);
        assertThat(result.devices()).extracting(AssetSchedule::assetId)
                .containsExactlyInAnyOrderElementsOf(devices.batteries().stream().map(Battery::id).toList());
        double delivered = result.devices().stream().mapToDouble(d -> d.powerMw().get(5)).sum();
        double missing = result.shortfalls().stream().filter(s -> s.slot() == 5).mapToDouble(DisaggregationShortfall::missingMw).sum();
        assertThat(delivered + missing).isCloseTo(schedule.netPowerMw(List.of("siteA", "siteB"), 5), within(1e-6));
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void refusesAGridNodeThatSplitsAGroup() {
        Problem devices = Fixtures.randomBatteries(22, 2, 4)
                .withNodes(List.of(new org.vpp.optimizer.model.GridNode("n", java.util.Set.of("b0"), 1, 1)));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> FleetAggregation.aggregate(devices, Map.of("b0", "g", "b1", "g")));
    }

    /** 2 sites x 6 batteries of 3 shapes (usable duration 1 h / 2 h / 4 h, different SoC fractions and efficiencies). */
    private static Problem threeShapeFleet() {
        List<Battery> fleet = new java.util.ArrayList<>();
        double[] sizes = {1.0, 2.5};
        for (int site = 0; site < 2; site++) {
            for (int shape = 0; shape < 3; shape++) {
                for (int k = 0; k < 2; k++) {
                    double power = sizes[k] * (1 + site);
                    double[] f = switch (shape) {
                        // capacity h, floor, reserve, initial fraction, eta charge, eta discharge, degradation, terminal value
                        case 0 -> new double[] {1.25, 0.1, 0.2, 0.6, 0.95, 0.96, 2.0, 20.0};
                        case 1 -> new double[] {2.5, 0.05, 0.0, 0.3, 0.92, 0.93, 4.0, 10.0};
                        default -> new double[] {4.4, 0.05, 0.1, 0.8, 0.97, 0.94, 1.0, 0.0};
                    };
                    double capacity = power * f[0];
                    fleet.add(new Battery("s" + site + "-" + shape + "-" + k, capacity, f[1] * capacity, capacity,
                            f[2] * capacity, f[3] * capacity, f[4], f[5], power, power, power, f[6], f[3] * capacity, f[7]));
                }
            }
        }
        return Problem.ofBatteries(new org.vpp.optimizer.model.Horizon(96, 15),
                org.vpp.optimizer.model.Prices.expected(Fixtures.dailyPrices(96, 7)), fleet);
    }

    private static Map<String, String> sites(Problem devices) {
        Map<String, String> groups = new HashMap<>();
        devices.batteries().forEach(b -> groups.put(b.id(), b.id().substring(0, 2)));
        return groups;
    }

    @Test
    void identicalShapesScaledBySizeAreAggregatedAndSplitWithoutLoss() {
        Problem devices = threeShapeFleet();
        AggregatedProblem aggregated = FleetAggregation.aggregate(devices, sites(devices), ShapeClasses.defaults());
        double deviceOptimum = new LpReference().solve(devices).objectiveEur();
        LpSolution unitOptimum = new LpReference().solve(aggregated.aggregated());

        Disaggregation result = FleetAggregation.disaggregate(aggregated, unitOptimum.assets());

        assertThat(aggregated.aggregated().batteries()).hasSize(6);
        assertThat(aggregated.groupOfUnit().values()).containsOnly("s0", "s1");
        assertThat(unitOptimum.objectiveEur()).isCloseTo(deviceOptimum, within(1e-6 * deviceOptimum));
        assertThat(result.shortfalls()).isEmpty();
        assertThat(result.violations()).isEmpty();
        assertThat(result.devices()).hasSize(12);
        double value = ScheduleCheck.valuation(devices, result.devices()).objectiveEur();
        assertThat(value).isCloseTo(deviceOptimum, within(1e-6 * deviceOptimum));
    }

    @Test
    void timefoldScheduleOfShapeClassesIsFollowedByTheDevicesWithinOnePercentOfTheDeviceOptimum() {
        Problem devices = threeShapeFleet();
        AggregatedProblem aggregated = FleetAggregation.aggregate(devices, sites(devices), ShapeClasses.defaults());
        double deviceOptimum = new LpReference().solve(devices).objectiveEur();
        Schedule schedule = new Optimizer(OptimizerSettings.defaults().withTimeBudget(Duration.ofSeconds(2), Duration.ofMillis(500)))
                .optimize(aggregated.aggregated());

        Disaggregation result = FleetAggregation.disaggregate(aggregated, schedule.assets(), 2);

        assertThat(result.shortfalls()).isEmpty();
        assertThat(result.violations()).isEmpty();
        assertThat(ScheduleCheck.violations(devices, result.devices())).isEmpty();
        double value = ScheduleCheck.valuation(devices, result.devices()).objectiveEur();
        assertThat(value).isGreaterThanOrEqualTo(schedule.valuation().objectiveEur() - 1e-6)
                .isGreaterThan(0.99 * deviceOptimum);
    }

    @Test
    void mixedShapesLoseLittleAgainstTheDeviceOptimumAndEveryDeviceKeepsItsLimits() {
        Problem devices = Fixtures.randomBatteries(23, 12, 96);
        Map<String, String> groups = new HashMap<>();
        devices.batteries().forEach(b -> groups.put(b.id(), Integer.parseInt(b.id().substring(1)) < 6 ? "siteA" : "siteB"));
        AggregatedProblem aggregated = FleetAggregation.aggregate(devices, groups, ShapeClasses.defaults());
        double deviceOptimum = new LpReference().solve(devices).objectiveEur();
        LpSolution unitOptimum = new LpReference().solve(aggregated.aggregated());

        Disaggregation tracked = FleetAggregation.disaggregate(aggregated, unitOptimum.assets());

        assertThat(tracked.violations()).isEmpty();
        assertThat(tracked.devices()).hasSize(12);
        double trackedValue = ScheduleCheck.valuation(devices, tracked.devices()).objectiveEur();
        assertThat(trackedValue).isGreaterThan(0.95 * deviceOptimum);
        for (int t = 0; t < 96; t++) {
            int slot = t;
            double setpoint = unitOptimum.assets().stream().mapToDouble(a -> a.powerMw().get(slot)).sum();
            double delivered = tracked.devices().stream().mapToDouble(d -> d.powerMw().get(slot)).sum();
            double short_ = tracked.shortfalls().stream().filter(s -> s.slot() == slot).mapToDouble(DisaggregationShortfall::missingMw).sum();
            assertThat(delivered + short_).isCloseTo(setpoint, within(1e-6));
        }
    }
}
