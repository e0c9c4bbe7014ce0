package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;

class OptimizerTest {

    private static final OptimizerSettings QUICK = OptimizerSettings.defaults()
            .withTimeBudget(Duration.ofSeconds(2), Duration.ofMillis(500));

    @Test
    void findsTheHandComputedOptimumOfOneBatteryOverTwoSlots() {
        Problem problem = Problem.ofBatteries(new Horizon(2, 60), Prices.expected(List.of(10.0, 100.0)),
                List.of(Fixtures.losslessBattery("b")));

        Schedule schedule = new Optimizer(QUICK).optimize(problem);

        assertThat(schedule.feasible()).isTrue();
        assertThat(schedule.asset("b").orElseThrow().powerMw()).containsExactly(-1.0, 1.0);
        assertThat(schedule.valuation().objectiveEur()).isCloseTo(90.0, within(1e-6));
        assertThat(schedule.gap().orElseThrow().relative()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void reachesASmallGapFromAColdStartWithoutTheLp() {
        Problem problem = Fixtures.randomBatteries(7, 2, 24);

        Schedule schedule = new Optimizer(QUICK.withWarmStartFromLp(false).withGapTarget(java.util.Optional.empty()))
                .optimize(problem);

        assertThat(schedule.feasible()).isTrue();
        assertThat(schedule.gap()).isEmpty();
        assertThat(schedule.valuation().objectiveEur()).isPositive();
    }

    @Test
    void reportsACommitmentLargerThanTheFleetAsInfeasibleInsteadOfHidingIt() {
        Problem problem = Fixtures.randomBatteries(3, 2, 6).withCommitments(List.of(Commitment.ofFleet(2, 50.0, 0.1)));

        Schedule schedule = new Optimizer(QUICK).optimize(problem);

        assertThat(schedule.feasible()).isFalse();
        assertThat(schedule.hardScoreWh()).isNegative();
        assertThat(schedule.violations()).anySatisfy(v -> assertThat(v.rule()).isEqualTo("commitment"));
        assertThat(schedule.notes()).anySatisfy(n -> assertThat(n).contains("INFEASIBLE"));
        assertThat(schedule.explanation().perConstraint())
                .anySatisfy(c -> {
                    assertThat(c.constraint()).isEqualTo("commitment");
                    assertThat(c.hardWh()).isNegative();
                });
    }

    @Test
    void explainsTheScorePerRuleAndPerAsset() {
        Problem problem = Fixtures.randomBatteries(5, 2, 12);

        Schedule schedule = new Optimizer(QUICK).optimize(problem);

        long softTotal = schedule.explanation().perConstraint().stream().mapToLong(c -> c.softMilliEur()).sum();
        assertThat((double) softTotal).isCloseTo(schedule.softScoreMilliEur(), within(2.0 * 2 * 12 * 2));
        assertThat(schedule.explanation().perSubject()).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo("b0");
            assertThat(c.constraint()).isEqualTo("Energy revenue");
        });
        assertThat(schedule.valuation().objectiveEur() * 1000)
                .isCloseTo(schedule.softScoreMilliEur(), within(5.0 * 2 * 12));
    }
}
