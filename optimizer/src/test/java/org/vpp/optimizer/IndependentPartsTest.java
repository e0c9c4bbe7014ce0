package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.EvSession;
import org.vpp.optimizer.model.Generator;
import org.vpp.optimizer.model.GridNode;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;

/** Solving on both cores: the cut keeps coupled assets together, and the schedule does not depend on the threads. */
class IndependentPartsTest {

    /** Six batteries (two behind site-a's connection, two behind site-b's), two committed generators and an EV. */
    private static Problem fleet() {
        Problem batteries = Fixtures.randomBatteries(7, 6, 24);
        List<Battery> b = batteries.batteries();
        List<GridNode> nodes = List.of(
                new GridNode("site-a", Set.of(b.get(0).id(), b.get(1).id()), 1.0, 1.0),
                new GridNode("site-b", Set.of(b.get(2).id(), b.get(3).id(), "ev"), 1.5, 1.5));
        List<Generator> generators = List.of(
                new Generator("g1", 0.5, 2.0, 70).withCommitment(1.0 / 15, 4, 4, 50),
                new Generator("g2", 0.3, 1.0, 90).withCommitment(0.5 / 15, 2, 3, 20).withInitialState(0.5, 1));
        List<EvSession> sessions = List.of(new EvSession("ev", 4, 20, 0.03, 0.05, List.of(0.011, 0.022), 300));
        return new Problem(batteries.horizon(), batteries.prices(), b, List.of(), generators, List.of(), sessions, nodes,
                List.of(Commitment.ofNode("site-b", 10, 0.0, 2.0)));
    }

    @Test
    void theCutKeepsEachGridNodeWholeAndLosesNothing() {
        Problem problem = fleet();
        List<Problem> parts = IndependentParts.of(problem, 3);

        assertThat(parts).hasSize(3);
        List<String> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.assetIds()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(problem.assetIds());
        for (GridNode node : problem.nodes()) {
            assertThat(parts).filteredOn(p -> p.nodes().contains(node)).singleElement()
                    .satisfies(p -> assertThat(p.assetIds()).containsAll(node.assetIds()));
        }
        assertThat(parts).filteredOn(p -> !p.commitments().isEmpty()).singleElement()
                .satisfies(p -> assertThat(p.nodes()).extracting(GridNode::id).contains("site-b"));
        assertThat(IndependentParts.of(problem, 1)).containsExactly(problem);
    }

    @Test
    void aCommitmentOfTheWholeFleetCouplesEverything() {
        Problem problem = fleet().withCommitments(List.of(Commitment.ofFleet(3, 0.5, 0.1)));
        assertThat(IndependentParts.of(problem, 4)).containsExactly(problem);
    }

    @Test
    void theScheduleIsTheSameOnOneThreadAndOnTwo() {
        Problem problem = fleet();
        OptimizerSettings settings = OptimizerSettings.defaults().withTimeBudget(Duration.ofMinutes(10), Duration.ZERO)
                .withMoveLimit(20_000).withGapTarget(Optional.empty()).withRandomSeed(11);

        Schedule one = new Optimizer(settings.withParts(3, 1)).optimize(problem);
        Schedule two = new Optimizer(settings.withParts(3, 2)).optimize(problem);

        assertThat(one.notes()).anySatisfy(n -> assertThat(n).startsWith("solved as 3 independent parts"));
        assertThat(one.feasible()).as("%s", one.violations()).isTrue();
        assertThat(one.gap()).isPresent();
        assertThat(two.hardScoreWh()).isEqualTo(one.hardScoreWh());
        assertThat(two.softScoreMilliEur()).isEqualTo(one.softScoreMilliEur());
        for (AssetSchedule a : one.assets()) {
            assertThat(two.asset(a.assetId()).orElseThrow().powerMw()).as(a.assetId()).isEqualTo(a.powerMw());
        }
        assertThat(one.assets()).extracting(AssetSchedule::assetId).containsExactlyElementsOf(problem.assetIds());
    }
}
