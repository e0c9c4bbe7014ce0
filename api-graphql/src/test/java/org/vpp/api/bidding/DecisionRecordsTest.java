package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.optimizer.model.Valuation;
import org.vpp.sagas.port.ScheduleSolver;

/** A re-run's verdict, worked out on schedules of two devices over two slots. */
class DecisionRecordsTest {

    static final Instant T0 = Instant.parse("2026-06-16T22:00:00Z");
    static final BidId BID = BidId.of("DE-LU:2026-06-17");

    @Test
    void theSameSchedulesAreReproduced() {
        var verdict = DecisionRecords.compare(recorded(plans(1.0, -0.5), "0hard/100soft"), again(plans(1.0, -0.5), "0hard/100soft"));
        assertThat(verdict.reproduced()).isTrue();
        assertThat(verdict.differences()).isEmpty();
        assertThat(verdict.maxDeviationMw()).isZero();
    }

    @Test
    void aDeviceThatMovesByMoreThanAWattAndAChangedScoreAreNamed() {
        var verdict = DecisionRecords.compare(recorded(plans(1.0, -0.5), "0hard/100soft"), again(plans(1.0, -0.25), "0hard/99soft"));
        assertThat(verdict.reproduced()).isFalse();
        assertThat(verdict.maxDeviationMw()).isEqualTo(0.25);
        assertThat(verdict.differences()).containsExactly(
                "bat-2 differs by up to 0.250000 MW (slot 1: -0.500000 then, -0.250000 now)",
                "score 0hard/99soft now, 0hard/100soft then");
    }

    @Test
    void lessThanAWattIsTheSame() {
        var verdict = DecisionRecords.compare(recorded(plans(1.0, -0.5), "s"), again(plans(1.0, -0.5 + 1e-7), "s"));
        assertThat(verdict.reproduced()).isTrue();
    }

    @Test
    void aDeviceMissingOnEitherSideIsNamed() {
        var one = List.of(new StoredSchedule.AssetPlan("bat-1", new double[]{1.0, 1.0}, new double[]{0, 0}));
        var verdict = DecisionRecords.compare(recorded(plans(1.0, -0.5), "s"), again(one, "s"));
        assertThat(verdict.reproduced()).isFalse();
        assertThat(verdict.differences()).containsExactly("bat-2 was planned then but is not now");
    }

    private static List<StoredSchedule.AssetPlan> plans(double bat1, double bat2Second) {
        return List.of(new StoredSchedule.AssetPlan("bat-1", new double[]{bat1, bat1}, new double[]{1, 0.75}),
                new StoredSchedule.AssetPlan("bat-2", new double[]{0.0, bat2Second}, new double[]{1, 1.1}));
    }

    private static StoredSchedule stored(List<StoredSchedule.AssetPlan> assets, String score) {
        return new StoredSchedule(T0, Duration.ofMinutes(15), assets, new Valuation(100, 0, 0, 0), null, null, score,
                null, List.of(), List.of(), 0, true);
    }

    private static List<PlannedSlot> net() {
        return List.of(new PlannedSlot(T0, Megawatts.of(1)), new PlannedSlot(T0.plusSeconds(900), Megawatts.of(0.5)));
    }

    private static DecisionRecords.Decision recorded(List<StoredSchedule.AssetPlan> assets, String score) {
        SolverSettings solver = new SolverSettings("timefold+lp", Duration.ofSeconds(2), 42, Map.of("deterministic", "true"));
        SchedulePrepared prepared = new SchedulePrepared(BID, T0, ContentReference.of("schedule/x", "0".repeat(64)), net(),
                score, 100, null, solver);
        return new DecisionRecords.Decision(null, prepared, null, null, List.of(), stored(assets, score));
    }

    private static OptimizerScheduleSolver.Computed again(List<StoredSchedule.AssetPlan> assets, String score) {
        return new OptimizerScheduleSolver.Computed(stored(assets, score), net(), new ScheduleSolver.Solved(null, net(), score, 100,
                null, new SolverSettings("timefold+lp", Duration.ofSeconds(2), 42, Map.of()), false));
    }
}
