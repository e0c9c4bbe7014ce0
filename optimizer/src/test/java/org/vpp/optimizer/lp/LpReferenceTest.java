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
    void aDeepDischargeFloorKeepsTheBatteryUpUnlessTheSpreadPaysForTheDepth() {
        // full lossless 1 MWh battery, prices 100 then 10 then 100 (hourly): without a depth term it sells 1 MWh at 100,
        // buys it back at 10 and sells again: 190 EUR. Below a 0.5 MWh floor each MWh-hour costs 200 EUR, so only the
        // upper half cycles: 0.5*100 - 0.5*10 + 0.5*100 = 95 EUR, never deeper than the floor.
        Battery full = new Battery("b", 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 10.0, 0.0, 0.0, 0.0);
        Problem plain = Problem.ofBatteries(new Horizon(3, 60), Prices.expected(List.of(100.0, 10.0, 100.0)), List.of(full));
        Problem deep = Problem.ofBatteries(plain.horizon(), plain.prices(), List.of(full.withDepthWear(0.5, 200)));

        assertThat(lp.solve(plain).objectiveEur()).isCloseTo(190.0, within(1e-6));
        LpSolution solution = lp.solve(deep);
        assertThat(solution.objectiveEur()).isCloseTo(95.0, within(1e-6));
        assertThat(solution.assets().getFirst().socMwh()).allSatisfy(soc -> assertThat(soc).isGreaterThanOrEqualTo(0.5 - 1e-9));
        assertThat(org.vpp.optimizer.model.ScheduleCheck.valuation(deep, solution.assets()).objectiveEur())
                .as("the check values the depth term as the LP does").isCloseTo(95.0, within(1e-6));
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
