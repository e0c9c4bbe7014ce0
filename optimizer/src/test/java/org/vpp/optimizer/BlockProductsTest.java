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

/**
 * Hourly products on a quarter-hour schedule: the fleet's position is one quantity per hour. The relaxation and the
 * exact program keep the rule exactly; Timefold works toward it.
 */
class BlockProductsTest {

    private static final BlockProducts HOURLY = new BlockProducts(4, 0.1);

    @Test
    void theLpAndTheExactProgramTradeOneQuantityPerHourAndTimefoldWorksTowardIt() {
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
        // (the LP's own plans are checked for the block rule only: the relaxation may charge and discharge at once)
        assertThat(ScheduleCheck.violations(hourly, relaxedFree.assets()))
                .as("without blocks the LP's plan changes inside an hour")
                .anySatisfy(v -> assertThat(v.rule()).isEqualTo("blockQuantity"));
        assertThat(ScheduleCheck.violations(hourly, relaxed.assets())).noneSatisfy(v -> assertThat(v.rule()).isEqualTo("blockQuantity"));
        assertThat(exact.optimal()).isTrue();
        assertThat(ScheduleCheck.violations(hourly, exact.assets())).isEmpty();
        assertThat(exact.objectiveEur()).isLessThanOrEqualTo(relaxed.objectiveEur() + 1e-6);

        // Timefold's level moves shift energy between neighbouring slots of one battery: on four batteries they narrow
        // the blocks' spread from the rounded LP's but do not close it (docs/notes/optimizer.md); the schedule says so.
        assertThat(progress.getLast().hardScoreWh()).as("the search narrows the breach")
                .isGreaterThan(progress.getFirst().hardScoreWh());
        assertThat(schedule.hardScoreWh() < 0).as("a breach left is reported, never hidden")
                .isEqualTo(schedule.violations().stream().anyMatch(v -> v.rule().equals("blockQuantity")));
    }
}
