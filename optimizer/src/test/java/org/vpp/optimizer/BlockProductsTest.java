package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.BlockProducts;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

/** Hourly products on a quarter-hour schedule: the fleet's position is one quantity per hour, in every model. */
class BlockProductsTest {

    private static final BlockProducts HOURLY = new BlockProducts(4, 0.1);

    @Test
    void theLpTheExactProgramAndTimefoldEachTradeOneQuantityPerHour() {
        Problem free = Fixtures.randomBatteries(3, 4, 16);
        Problem hourly = free.withBlocks(HOURLY);

        LpSolution relaxedFree = new LpReference().solve(free);
        LpSolution relaxed = new LpReference().solve(hourly);
        LpSolution exact = new LpReference().solveExact(hourly, Duration.ofSeconds(20));
        List<Progress> progress = new ArrayList<>();
        Schedule schedule = new Optimizer(OptimizerSettings.defaults()
                .withTimeBudget(Duration.ofMinutes(10), Duration.ZERO).withMoveLimit(100_000)
                .withGapTarget(Optional.empty())).optimize(hourly, progress::add);

        assertThat(relaxed.objectiveEur()).as("a rule costs").isLessThan(relaxedFree.objectiveEur() - 1e-3);
        assertThat(ScheduleCheck.violations(free, relaxedFree.assets())).isEmpty();
        assertThat(ScheduleCheck.violations(hourly, relaxedFree.assets()))
                .as("without blocks the LP's plan changes inside an hour")
                .allSatisfy(v -> assertThat(v.rule()).isEqualTo("blockQuantity")).isNotEmpty();
        assertThat(ScheduleCheck.violations(hourly, relaxed.assets())).isEmpty();
        assertThat(exact.optimal()).isTrue();
        assertThat(ScheduleCheck.violations(hourly, exact.assets())).isEmpty();
        assertThat(exact.objectiveEur()).isLessThanOrEqualTo(relaxed.objectiveEur() + 1e-6);

        // Timefold: the rounded LP is brought to one quantity per block, and paired level moves (two batteries, one
        // slot, opposite changes) repair the rest without moving the fleet's net.
        assertThat(progress.getFirst().hardScoreWh()).as("the rounded start breaks limits").isNegative();
        assertThat(schedule.violations()).isEmpty();
        assertThat(schedule.hardScoreWh()).isZero();
        for (int slot = 0; slot < 16; slot++) {
            int at = slot;
            int hourStart = slot / 4 * 4;
            double net = schedule.assets().stream().mapToDouble(a -> a.powerMw().get(at)).sum();
            double start = schedule.assets().stream().mapToDouble(a -> a.powerMw().get(hourStart)).sum();
            assertThat(net).as("slot %d", slot).isCloseTo(start, within(HOURLY.toleranceMw() + 1e-6));
        }
        assertThat(schedule.gap().orElseThrow().relative()).isBetween(-1e-9, 0.05);
    }
}
