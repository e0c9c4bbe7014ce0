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
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;

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
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.rule()).isEqualTo("ramp"));
    }

    @Test
    void refusesAGridNodeThatSplitsAGroup() {
        Problem devices = Fixtures.randomBatteries(22, 2, 4)
                .withNodes(List.of(new org.vpp.optimizer.model.GridNode("n", java.util.Set.of("b0"), 1, 1)));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> FleetAggregation.aggregate(devices, Map.of("b0", "g", "b1", "g")));
    }
}
