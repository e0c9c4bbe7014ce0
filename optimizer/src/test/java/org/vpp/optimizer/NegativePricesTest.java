package org.vpp.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpp.optimizer.lp.LpReference;
import org.vpp.optimizer.lp.LpSolution;
import org.vpp.optimizer.model.AssetSchedule;
import org.vpp.optimizer.model.Battery;
import org.vpp.optimizer.model.Horizon;
import org.vpp.optimizer.model.Prices;
import org.vpp.optimizer.model.Problem;
import org.vpp.optimizer.model.Schedule;

/**
 * At negative prices a full battery would like to keep importing. The LP relaxation can: it charges and discharges at
 * once and loses the difference in its efficiencies, which no battery does. The exact program cannot, and the gap a
 * schedule reports is measured against its bound.
 */
class NegativePricesTest {

    private static final double ETA = 0.9;

    /** 4 MWh, 1 MW either way, 90 % each way, 3.5 MWh at the start; six hours at -100 EUR/MWh, then two at +50. */
    private static Problem nearlyFullBatteryOnANegativeMorning() {
        Battery battery = new Battery("b", 4.0, 0.0, 4.0, 0.0, 3.5, ETA, ETA, 1.0, 1.0, 10.0, 0.0, 0.0, 0.0);
        return Problem.ofBatteries(new Horizon(8, 60),
                Prices.expected(List.of(-100.0, -100.0, -100.0, -100.0, -100.0, -100.0, 50.0, 50.0)), List.of(battery));
    }

    @Test
    void theExactProgramNeverChargesAndDischargesAtOnceAndIsBelowTheRelaxation() {
        Problem problem = nearlyFullBatteryOnANegativeMorning();
        LpSolution relaxed = new LpReference().solve(problem);
        LpSolution exact = new LpReference().solveExact(problem, Duration.ofSeconds(10));

        assertThat(relaxed.optimal()).isTrue();
        assertThat(exact.optimal()).as(exact.status()).isTrue();
        assertThat(exact.boundEur()).isCloseTo(exact.objectiveEur(), within(1e-6));
        // Charging 1 MW while discharging 0.81 MW keeps a full battery full and imports 0.19 MW, paid at 100 EUR/MWh:
        // worth 56.53 EUR to the relaxation over the morning (measured), and nothing to a real battery.
        assertThat(relaxed.objectiveEur() - exact.objectiveEur()).isGreaterThan(50.0);

        // One direction per slot: the state of charge moves by the net power through one efficiency only.
        AssetSchedule b = exact.assets().getFirst();
        double soc = 3.5;
        for (int t = 0; t < 8; t++) {
            double p = b.powerMw().get(t);
            soc += p < 0 ? -p * ETA : -p / ETA;
            assertThat(b.socMwh().get(t)).as("slot %d", t).isCloseTo(soc, within(1e-6));
        }
    }

    @Test
    void aSchedulesGapIsMeasuredAgainstABoundThatForbidsChargingAndDischargingAtOnce() {
        Problem problem = nearlyFullBatteryOnANegativeMorning();
        OptimizerSettings settings = OptimizerSettings.defaults().withTimeBudget(Duration.ofMinutes(10), Duration.ZERO)
                .withMoveLimit(20_000).withGapTarget(java.util.Optional.empty());

        Schedule schedule = new Optimizer(settings).optimize(problem);
        double relaxed = new LpReference().solve(problem).objectiveEur();
        double exact = new LpReference().solveExact(problem, Duration.ofSeconds(10)).objectiveEur();

        assertThat(schedule.feasible()).isTrue();
        var gap = schedule.gap().orElseThrow();
        assertThat(gap.boundSource()).startsWith("MIP");
        assertThat(gap.boundEur()).isCloseTo(exact, within(1e-6)).isLessThan(relaxed);
        assertThat(gap.relative()).as("no schedule beats the exact optimum").isGreaterThanOrEqualTo(-1e-9);
        assertThat(schedule.notes()).anySatisfy(n -> assertThat(n).contains("tighter than the LP relaxation"));
        // Each slot of the schedule is one net power, so it charges or discharges, never both.
        assertThat(schedule.asset("b").orElseThrow().powerMw()).hasSize(8);
    }
}
