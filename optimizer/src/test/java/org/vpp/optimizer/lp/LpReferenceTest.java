package org.vpp.optimizer.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.Fixtures;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Commitment;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;

class LpReferenceTest {

    private final LpReference lp = new LpReference();

    @Test
    void buysAtTenAndSellsAtOneHundredWithALosslessBattery() {
        Problem problem = Problem.ofBatteries(new Horizon(2, 60), Prices.expected(List.of(10.0, 100.0)),
                List.of(Fixtures.losslessBattery("b")));

        LpSolution solution = lp.solve(problem);

        assertThat(solution.optimal()).isTrue();
        assertThat(solution.objectiveEur()).isCloseTo(90.0, within(1e-6));
        assertThat(solution.assets().getFirst().powerMw()).containsExactly(-1.0, 1.0);
    }

    @Test
    void paysTheRoundTripLossesOfALossyBattery() {
        Battery lossy = new Battery("b", 1.0, 0.0, 1.0, 0.0, 0.0, 0.9, 0.9, 1.0, 1.0, 10.0, 0.0, 0.0, 0.0);
        Problem problem = Problem.ofBatteries(new Horizon(2, 60), Prices.expected(List.of(10.0, 100.0)), List.of(lossy));

        // charge 1 MWh from the grid (0.9 MWh stored), deliver 0.9 * 0.9 = 0.81 MWh: 81 - 10 = 71 EUR
        assertThat(lp.solve(problem).objectiveEur()).isCloseTo(71.0, within(1e-6));
    }

    @Test
    void reportsACommitmentBeyondTheFleetAsInfeasible() {
        Problem problem = Problem.ofBatteries(new Horizon(2, 60), Prices.expected(List.of(10.0, 100.0)),
                List.of(Fixtures.losslessBattery("b"))).withCommitments(List.of(Commitment.ofFleet(1, 5.0, 0.0)));

        LpSolution solution = lp.solve(problem);

        assertThat(solution.optimal()).isFalse();
        assertThat(solution.status()).isEqualTo("INFEASIBLE");
    }
}
