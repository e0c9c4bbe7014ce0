package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

/** Seeded random small fleets, each of which has a feasible schedule (idle), must get a feasible one back. */
class FeasibilityPropertyTest {

    private static final Optimizer OPTIMIZER = new Optimizer(OptimizerSettings.defaults()
            .withTimeBudget(Duration.ofSeconds(2), Duration.ofMillis(400)));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void everyScheduleKeepsSocReserveGridAndPowerLimitsWhenAFeasibleOneExists(long seed) {
        Problem batteries = Fixtures.randomBatteries(seed, 3, 16);
        double fleetPower = batteries.batteries().stream().mapToDouble(Battery::maxDischargeMw).sum();
        Set<String> site = batteries.batteries().stream().limit(2).map(Battery::id).collect(Collectors.toSet());
        Problem problem = batteries.withNodes(List.of(new GridNode("site", site, 0.4 * fleetPower, 0.3 * fleetPower)));

        Schedule schedule = OPTIMIZER.optimize(problem);

        assertThat(schedule.hardScoreWh()).isZero();
        assertThat(ScheduleCheck.violations(problem, schedule.assets())).isEmpty();
        for (Battery b : problem.batteries()) {
            AssetSchedule s = schedule.asset(b.id()).orElseThrow();
            assertThat(s.socMwh()).allSatisfy(soc -> {
                assertThat(soc).isBetween(b.socMinMwh() - 1e-9, b.socMaxMwh() + 1e-9);
                assertThat(soc).isGreaterThanOrEqualTo(b.reserveMwh() - 1e-9);
            });
            assertThat(s.powerMw()).allSatisfy(p -> assertThat(p).isBetween(-b.maxChargeMw() - 1e-9, b.maxDischargeMw() + 1e-9));
        }
        for (int t = 0; t < 16; t++) {
            assertThat(schedule.netPowerMw(site, t)).isBetween(-0.4 * fleetPower - 1e-6, 0.3 * fleetPower + 1e-6);
        }
        assertThat(schedule.gap()).isPresent();
    }
}
