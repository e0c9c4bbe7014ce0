package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.ScheduleCheck;
import org.vpp.optimizer.model.Violation;

/**
 * The solver's rules and the independent check say the same thing about generators and EV sessions: on random
 * schedules (most of them breaking several rules) of random units, Timefold's hard score is the check's violations
 * weighed in Wh, and its soft score is the check's valuation. A rule written differently in the two places shows here.
 */
class CommitmentRulesAgreeTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void timefoldScoresARandomScheduleAsTheCheckDoes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 16;
        List<Generator> generators = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double max = random.nextDouble(1, 10);
            double min = max * random.nextDouble(0, 0.6);
            Generator g = new Generator("g" + i, min, max, random.nextDouble(20, 120))
                    .withCommitment(max / random.nextDouble(10, 120), random.nextInt(1, 6), random.nextInt(1, 6),
                            random.nextDouble(0, 500));
            if (random.nextBoolean()) g = g.withInitialState(random.nextDouble(Math.max(min, 0.01), max), random.nextInt(0, 6));
            else g = g.withInitialState(0, random.nextInt(0, 6));
            generators.add(g);
        }
        List<EvSession> sessions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int arrival = random.nextInt(0, n - 1);
            int departure = random.nextInt(arrival + 1, n + 1);
            double need = random.nextDouble(0, 0.05);
            sessions.add(new EvSession("ev" + i, arrival, departure, need, need * random.nextDouble(1, 2),
                    List.of(0.011, 0.022), random.nextDouble(0, 400)));
        }
        List<Double> prices = new ArrayList<>();
        for (int t = 0; t < n; t++) prices.add(random.nextDouble(-50, 200));
        Problem problem = new Problem(new Horizon(n, 15), Prices.expected(prices), List.of(), List.of(), generators,
                List.of(), sessions, List.of(), List.of());

        OptimizerSettings settings = OptimizerSettings.defaults();
        VppSolution solution = ModelBuilder.build(problem, Optional.empty(), settings);
        for (OutputLevel level : solution.outputLevels) {
            level.option = random.nextInt(level.asset.optionsMw[level.slot].length);
        }
        SolutionManager<VppSolution, HardSoftScore> manager =
                SolutionManager.create(new SolverFactories().get(0L, false, true, true));
        HardSoftScore score = manager.update(solution);
        List<AssetSchedule> assets = ScheduleReader.assets(solution, problem.assetIds());

        List<Violation> violations = ScheduleCheck.violations(problem, assets);
        long checkedWh = 0;
        for (Violation v : violations) {
            double mwh = switch (v.unit()) {
                case "MW" -> v.amount() * problem.horizon().slotHours();
                case "slots" -> v.amount() * problem.horizon().slotHours() * ScheduleCheck.maxGeneratorMw(problem, v.subject());
                default -> v.amount();
            };
            checkedWh += Units.violationWh(mwh);
        }
        assertThat(violations).as("a random schedule breaks rules").isNotEmpty();
        assertThat(-score.hardScore()).as("hard score vs %s", violations)
                .isCloseTo(checkedWh, within((long) violations.size() + 1));
        assertThat(score.softScore() / 1000.0).as("soft score vs the check's valuation")
                .isCloseTo(ScheduleCheck.valuation(problem, assets).objectiveEur(), within(0.05));
    }
}
