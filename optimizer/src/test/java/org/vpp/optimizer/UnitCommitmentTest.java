package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;
import org.vpp.optimizer.model.ScheduleCheck;

/**
 * Generators with unit commitment and EV sessions end to end: the exact program and Timefold keep every rule (checked
 * by {@link ScheduleCheck}, a third opinion), the relaxation is a looser bound than the exact one, and the schedule's
 * gap is measured against the exact bound.
 */
class UnitCommitmentTest {

    /** 12 hourly slots: cheap night, an expensive morning hour, a midday dip, an evening peak. */
    private static final List<Double> PRICES = List.of(30.0, 25.0, 20.0, 150.0, 40.0, 35.0, 30.0, 60.0, 130.0, 140.0,
            90.0, 30.0);

    /** A 10 MW unit at 60 EUR/MWh, minimum 4 MW, 300 EUR per start, up 3 h, down 2 h, 3 MW/h ramp; one running. */
    private static Problem problem() {
        Generator peaker = new Generator("peaker", 4, 10, 60).withCommitment(3.0 / 60, 3, 2, 300);
        Generator running = new Generator("running", 2, 6, 70).withCommitment(2.0 / 60, 4, 3, 150)
                .withInitialState(4, 1);
        EvSession evening = new EvSession("ev-evening", 7, 12, 0.06, 0.08, List.of(0.011, 0.022), 300);
        EvSession tight = new EvSession("ev-tight", 2, 4, 0.05, 0.05, List.of(0.011), 300);
        return new Problem(new Horizon(12, 60), Prices.expected(PRICES), List.of(Fixtures.losslessBattery("bat")),
                List.of(), List.of(peaker, running), List.of(), List.of(evening, tight), List.of(), List.of());
    }

    @Test
    void theExactProgramKeepsEveryRuleAndIsTighterThanTheRelaxation() {
        Problem problem = problem();
        LpSolution relaxed = new LpReference().solve(problem);
        LpSolution exact = new LpReference().solveExact(problem, Duration.ofSeconds(20));

        assertThat(exact.optimal()).as(exact.status()).isTrue();
        assertThat(ScheduleCheck.violations(problem, exact.assets())).isEmpty();
        assertThat(ScheduleCheck.valuation(problem, exact.assets()).objectiveEur())
                .as("the checker values the exact schedule as the program does")
                .isCloseTo(exact.objectiveEur(), within(1e-4));
        assertThat(relaxed.objectiveEur()).isGreaterThan(exact.boundEur() + 1.0);

        // The unit started just before the horizon runs its minimum up time out: on in slots 0, 1 and 2.
        AssetSchedule running = exact.assets().stream().filter(a -> a.assetId().equals("running")).findFirst().orElseThrow();
        assertThat(running.powerMw().subList(0, 3)).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(2.0 - 1e-6));
        // The session plugged for two slots at 11 kW cannot get its 50 kWh: 22 kWh, the rest is short.
        AssetSchedule tight = exact.assets().stream().filter(a -> a.assetId().equals("ev-tight")).findFirst().orElseThrow();
        assertThat(ScheduleCheck.evShortfallMwh(problem.evSessions().get(1), tight.powerMw(), 1.0)).isCloseTo(0.028, within(1e-6));
    }

    @Test
    void timefoldKeepsEveryRuleAndItsGapIsMeasuredAgainstTheExactBound() {
        Problem problem = problem();
        OptimizerSettings settings = OptimizerSettings.defaults().withTimeBudget(Duration.ofMinutes(10), Duration.ZERO)
                .withMoveLimit(50_000).withGapTarget(Optional.empty());

        Schedule schedule = new Optimizer(settings).optimize(problem);
        LpSolution exact = new LpReference().solveExact(problem, Duration.ofSeconds(20));

        assertThat(schedule.feasible()).isTrue();
        assertThat(schedule.violations()).isEmpty();
        var gap = schedule.gap().orElseThrow();
        assertThat(gap.boundSource()).startsWith("MIP");
        assertThat(gap.boundEur()).isCloseTo(exact.boundEur(), within(1e-6));
        assertThat(gap.relative()).as("no schedule beats the exact optimum").isGreaterThanOrEqualTo(-1e-9);
        assertThat(gap.relative()).as("within 2 %% of the optimum").isLessThan(0.02);
        assertThat(schedule.notes()).anySatisfy(n -> assertThat(n).contains("commits generators fractionally"));
    }
}
