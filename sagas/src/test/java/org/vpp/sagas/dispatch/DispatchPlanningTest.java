package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.sagas.dispatch.DispatchFixtures.HOUR;
import static org.vpp.sagas.dispatch.DispatchFixtures.battery;
import static org.vpp.sagas.dispatch.DispatchFixtures.generator;
import static org.vpp.sagas.dispatch.DispatchFixtures.load;
import static org.vpp.sagas.dispatch.DispatchFixtures.pv;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.sagas.dispatch.DispatchPlanning.Followed;

/** Following a clearing that differs from the schedule, slot by slot, worked by hand with one-hour slots. */
class DispatchPlanningTest {

    @Test
    void eachSlotsGapIsSharedByMeritAndABatterysEnergyChangeReachesTheLaterSlots() {
        // B1: battery -2..2 MW, 4 MWh, SoC 0..1, efficiencies 1, 5 EUR/MWh; G1: generator 1..5 MW, 50 EUR/MWh;
        // PV1 (0 EUR/MWh, can only go down); L1: a load at -1 MW.
        //            slot:   0   1   2   3
        // B1 power           1   1   0  -1     stored at slot start 3 2 1 1
        // G1                 2   2   2   3
        // PV1                2   2   0   0
        // L1                -1  -1  -1  -1
        // net                4   4   1   1
        // cleared            4   5   3   0
        // slot 0: no gap.
        // slot 1: +1. PV1 cannot go up; B1 (5) has min(2, 2 MWh / 1 h) - 1 = 1 up: B1 -> 2. It discharges 1 MWh more,
        //         so it starts slots 2 and 3 with 1 - 1 = 0 MWh.
        // slot 2: +2. B1 is empty (min(2, 0) - 0 = 0 up; with the schedule's 1 MWh it would have been first);
        //         G1 (50) has 5 - 2 = 3: G1 -> 4.
        // slot 3: 0 - 1 = -1, not cleared. Downward the dearest first: G1 (50) has 3 - 1 = 2 down: G1 -> 2.
        var devices = List.of(
                battery("B1", -2, 2, 4, 0, 1, 1, 5, "S1", "P"),
                generator("G1", 1, 5, null, 50, "S1", "P"),
                pv("PV1", 5, 0, "S1", "P"),
                load("L1", -3, "S1", "P"));
        var schedule = DispatchFixtures.marketPlan(HOUR, devices, List.of(),
                Map.of("B1", new double[] {1, 1, 0, -1}, "G1", new double[] {2, 2, 2, 3},
                        "PV1", new double[] {2, 2, 0, 0}, "L1", new double[] {-1, -1, -1, -1}),
                Map.of("B1", new double[] {3, 2, 1, 1}));

        Followed followed = DispatchPlanning.followClearing(schedule, new double[] {4, 5, 3, 0});

        DispatchPlan plan = followed.plan();
        assertThat(plan.powerMw().get("B1")).containsExactly(new double[] {1, 2, 0, -1}, within(1e-9));
        assertThat(plan.powerMw().get("G1")).containsExactly(new double[] {2, 2, 4, 2}, within(1e-9));
        assertThat(plan.powerMw().get("PV1")).containsExactly(2, 2, 0, 0);
        assertThat(plan.powerMw().get("L1")).containsExactly(-1, -1, -1, -1);
        assertThat(plan.socMwh().get("B1")).containsExactly(new double[] {3, 2, 0, 0}, within(1e-9));
        assertThat(plan.targetMw()).containsExactly(4, 5, 3, 0);
        assertThat(followed.unmetMw()).containsExactly(new double[] {0, 0, 0, 0}, within(1e-9));
        assertThat(plan.devices()).isEqualTo(schedule.devices());
        // The schedule itself is left as it was.
        assertThat(schedule.powerMw().get("B1")).containsExactly(1, 1, 0, -1);
        assertThat(schedule.socMwhAt("B1", 2)).isEqualTo(1);
    }

    @Test
    void aBatteryLeftEmptierThanPlannedIsHeldToTheEnergyItHasAndTheGapGoesToTheNextInMerit() {
        // B: -2..2 MW, 4 MWh, SoC 0..1, efficiencies 1, 5 EUR/MWh, planned 1 then 2 MW from 3 MWh (then 2 MWh).
        // G: generator 1..5 MW, 50 EUR/MWh, planned 2 and 2. Cleared 4 and 4 (the schedule's net was 3 and 4).
        // slot 0: gap +1; B (5) has min(2, 3 MWh / 1 h) - 1 = 1 up: B -> 2, so it starts slot 1 with 3 - 2 = 1 MWh.
        // slot 1: B's planned 2 MW no longer fits its 1 MWh: held to 1 MW; the net is 1 + 2 = 3, a gap of +1 that
        //         B cannot take (0 up) and G (50) can (5 - 2 = 3): G -> 3. Without the hold B would stay at an
        //         impossible 2 MW and the slot would look covered.
        var schedule = DispatchFixtures.marketPlan(HOUR, List.of(battery("B", -2, 2, 4, 0, 1, 1, 5, "S1", "P"),
                        generator("G", 1, 5, null, 50, "S1", "P")), List.of(),
                Map.of("B", new double[] {1, 2}, "G", new double[] {2, 2}), Map.of("B", new double[] {3, 2}));

        Followed followed = DispatchPlanning.followClearing(schedule, new double[] {4, 4});

        assertThat(followed.plan().powerMw().get("B")).containsExactly(new double[] {2, 1}, within(1e-9));
        assertThat(followed.plan().powerMw().get("G")).containsExactly(new double[] {2, 3}, within(1e-9));
        assertThat(followed.plan().socMwh().get("B")).containsExactly(new double[] {3, 1}, within(1e-9));
        assertThat(followed.unmetMw()).containsExactly(new double[] {0, 0}, within(1e-9));
    }

    @Test
    void aBatteryTurnedFromChargingToDischargingMovesItsEnergyThroughBothEfficiencies() {
        // B: -2..2 MW, 10 MWh, SoC 0..1, efficiencies 0.9, planned -1 then 0 MW, 5 then 5.9 MWh stored.
        // Cleared 1 MW in slot 0: a gap of 2; up = min(2, 5 * 0.9 / 1 h = 4.5) - (-1) = 3, so B -> +1 MW.
        // Stored change: discharging 1 MWh takes 1/0.9 from the cells instead of charging 0.9 into them:
        // -1/0.9 - 0.9 = -2.0111; slot 1 starts at 5.9 - 2.0111 = 3.8889 (35/9).
        var schedule = DispatchFixtures.marketPlan(HOUR, List.of(battery("B", -2, 2, 10, 0, 1, 0.9, 5, "S1", "P")),
                List.of(), Map.of("B", new double[] {-1, 0}), Map.of("B", new double[] {5, 5.9}));

        Followed followed = DispatchPlanning.followClearing(schedule, new double[] {1, 0});

        assertThat(followed.plan().powerMw().get("B")).containsExactly(new double[] {1, 0}, within(1e-9));
        assertThat(followed.plan().socMwh().get("B")).containsExactly(new double[] {5, 35.0 / 9}, within(1e-9));
        assertThat(followed.unmetMw()).containsExactly(new double[] {0, 0}, within(1e-9));
    }

    /** One generator, 1..5 MW at 50 EUR/MWh, one slot. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                     | planned | cleared      | power | unmet
            a clearing equal to the schedule changes nothing                             | 2       | 2            | 2     |  0
            a gap within 1e-9 MW changes nothing                                         | 2       | 2.0000000005 | 2     |  0
            more cleared is taken up within headroom                                     | 2       | 4            | 4     |  0
            more cleared than the fleet can give leaves 8 - 5 = 3 unmet                  | 2       | 8            | 5     |  3
            a slot not cleared brings a running generator only down to its minimum of 1  | 2       | 0            | 1     | -1
            a generator planned off starts when the gap reaches its minimum              | 0       | 3            | 3     |  0
            a generator planned off stays off for a gap below its minimum                | 0       | 0.5          | 0     |  0.5
            """)
    void aSlotsGapIsTakenWithinTheFleetsHeadroomAndTheRestIsUnmet(String description, double planned, double cleared,
                                                                    double power, double unmet) {
        var schedule = DispatchFixtures.marketPlan(HOUR, List.of(generator("G", 1, 5, null, 50, "S1", "P")), List.of(),
                Map.of("G", new double[] {planned}), Map.of());

        Followed followed = DispatchPlanning.followClearing(schedule, new double[] {cleared});

        assertThat(followed.plan().powerMw().get("G")[0]).isCloseTo(power, within(1e-9));
        assertThat(followed.unmetMw()[0]).isCloseTo(unmet, within(1e-9));
        assertThat(followed.plan().targetMw()).containsExactly(cleared);
    }

    @Test
    void aClearingOfAnotherLengthThanThePlanIsRefusedAsMalformed() {
        var schedule = DispatchFixtures.marketPlan(HOUR, List.of(generator("G", 1, 5, null, 50, "S1", "P")), List.of(),
                Map.of("G", new double[] {2, 2}), Map.of());

        assertThatThrownBy(() -> DispatchPlanning.followClearing(schedule, new double[] {2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
