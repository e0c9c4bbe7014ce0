package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.sagas.dispatch.DispatchFixtures.QUARTER;
import static org.vpp.sagas.dispatch.DispatchFixtures.START;
import static org.vpp.sagas.dispatch.DispatchFixtures.battery;
import static org.vpp.sagas.dispatch.DispatchFixtures.generator;
import static org.vpp.sagas.dispatch.DispatchFixtures.group;
import static org.vpp.sagas.dispatch.DispatchFixtures.load;
import static org.vpp.sagas.dispatch.DispatchFixtures.offline;
import static org.vpp.sagas.dispatch.DispatchFixtures.pv;
import static org.vpp.sagas.dispatch.DispatchFixtures.reporting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.sagas.dispatch.ManualAllocation.ManualPlan;
import org.vpp.sagas.dispatch.MeritOrderAllocation.Allocated;

/**
 * Manual allocation over a window of four 15-minute slots (one hour), worked by hand. Under site S1:
 * <ul>
 *   <li>B1: battery -2..2 MW, 2 MWh, usable SoC 0.2..1, efficiencies 1, 10 EUR/MWh, base 0, 0.5, 1, 0 (mean 0.375);</li>
 *   <li>G1: generator 1..4 MW, 50 EUR/MWh, base 0, 0, 2, 2 (off in the first two slots);</li>
 *   <li>G2: generator 1..3 MW, 60 EUR/MWh, base 1 in every slot (running);</li>
 *   <li>PV1: 5 MW at base 2 (can only go down); L1: a load (not controllable);</li>
 *   <li>G3: generator 0..10 MW at 5 EUR/MWh, offline.</li>
 * </ul>
 */
class ManualAllocationTest {

    private static final List<GridGroup> GROUPS = List.of(group("P", AssetKind.PORTFOLIO, null, null),
            group("S1", AssetKind.SITE, "P", null));
    private static final DispatchDevice B1 = battery("B1", -2, 2, 2, 0.2, 1, 1, 10, "S1", "P");
    private static final DispatchDevice G1 = generator("G1", 1, 4, null, 50, "S1", "P");
    private static final DispatchDevice G2 = generator("G2", 1, 3, null, 60, "S1", "P");
    private static final List<DispatchDevice> SCOPE = List.of(B1, G1, G2, pv("PV1", 5, 0, "S1", "P"),
            load("L1", -3, "S1", "P"), generator("G3", 0, 10, null, 5, "S1", "P"));
    private static final Map<String, double[]> BASE = Map.of(
            "B1", new double[] {0, 0.5, 1, 0},
            "G1", new double[] {0, 0, 2, 2},
            "G2", new double[] {1, 1, 1, 1},
            "PV1", new double[] {2, 2, 2, 2});
    private static final Map<String, DeviceCondition> CONDITIONS = Map.of(
            "B1", reporting("B1", 1, 0.0, 0.6),
            "G1", reporting("G1", 1, 0.0, null),
            "G2", reporting("G2", 1, 1.0, null),
            "PV1", reporting("PV1", 1, 2.0, null),
            "L1", reporting("L1", 1, -1.0, null),
            "G3", offline("G3"));

    @Test
    void aRequestIsSharedByMeritWithinEachDevicesHeadroomOverTheWholeWindow() {
        // Headrooms up: B1 per slot 2 - 1 (its busiest slot) = 1, but over the hour its 0.4*2 = 0.8 MWh hold
        // 0.8 MW mean, 0.8 - 0.375 = 0.425; G1 4 - 2 = 2 (minimum 1, being off in slot 0); G2 3 - 1 = 2; PV1 0.
        // Merit: G3 (5) is offline; PV1 (0) has none; B1 (10) 0.425; G1 (50) 2 of the 2.575 left; G2 (60) 0.575.
        ManualPlan manual = ManualAllocation.plan("manual-1", "S1", 3, START, QUARTER, 4, SCOPE, GROUPS, BASE, CONDITIONS);

        assertThat(manual.allocation().allocations()).extracting(Allocated::assetId).containsExactly("B1", "G1", "G2");
        assertThat(manual.allocation().allocations().stream().mapToDouble(Allocated::headroomMw).toArray())
                .containsExactly(new double[] {0.425, 2, 2}, within(1e-9));
        assertThat(manual.allocation().totalMw()).isCloseTo(3, within(1e-9));
        assertThat(manual.allocation().unmetMw()).isCloseTo(0, within(1e-9));

        DispatchPlan plan = manual.plan();
        assertThat(plan.dispatchId()).isEqualTo("manual-1");
        assertThat(plan.kind()).isEqualTo(DispatchKind.MANUAL);
        assertThat(plan.nodeId()).isEqualTo("S1");
        assertThat(plan.start()).isEqualTo(START);
        assertThat(plan.slotLength()).isEqualTo(QUARTER);
        assertThat(plan.slotCount()).isEqualTo(4);
        assertThat(plan.devices()).containsExactly(B1, G1, G2);
        assertThat(plan.groups()).isEqualTo(GROUPS);
        assertThat(plan.powerMw().get("B1")).containsExactly(new double[] {0.425, 0.425, 0.425, 0.425}, within(1e-9));
        assertThat(plan.powerMw().get("G1")).containsExactly(new double[] {2, 2, 2, 2}, within(1e-9));
        assertThat(plan.powerMw().get("G2")).containsExactly(new double[] {0.575, 0.575, 0.575, 0.575}, within(1e-9));
        assertThat(plan.powerMw()).containsOnlyKeys("B1", "G1", "G2");
        assertThat(plan.baseMw().get("B1")).containsExactly(0, 0.5, 1, 0);
        assertThat(plan.baseMw().get("G1")).containsExactly(0, 0, 2, 2);
        assertThat(plan.baseMw().get("G2")).containsExactly(1, 1, 1, 1);
        assertThat(plan.baseMw()).containsOnlyKeys("B1", "G1", "G2");
        assertThat(plan.socMwh()).isEmpty();
        assertThat(plan.targetMw()).containsExactly(new double[] {3, 3, 3, 3}, within(1e-9));
    }

    @Test
    void aGeneratorOffInSomeSlotIsSkippedWhenWhatIsLeftIsBelowItsMinimumButARunningOneIsNot() {
        // 1.2 MW: B1 0.425, then 0.775 is left, below G1's minimum of 1 (it is off in slot 0): G1 is skipped.
        // G2 runs in every slot, so it takes the 0.775 although that is below its own minimum power.
        ManualPlan manual = ManualAllocation.plan("manual-1", "S1", 1.2, START, QUARTER, 4, SCOPE, GROUPS, BASE,
                CONDITIONS);

        assertThat(manual.allocation().allocations()).extracting(Allocated::assetId).containsExactly("B1", "G2");
        assertThat(manual.plan().powerMw().get("G2")[0]).isCloseTo(0.775, within(1e-9));
        assertThat(manual.plan().devices()).containsExactly(B1, G2);
    }

    /** B1 alone in scope, asked for 5 MW either way: what it takes is its headroom over the window. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                                   | request | soc  | allocated
            the energy over the window binds: 0.8 MWh in 1 h = 0.8 MW mean, less the 0.375 base        |  5      | 0.6  |  0.425
            the busiest slot binds: 2 - 1 = 1 < min(2, 1.6) - 0.375 = 1.225 over the window             |  5      | 1.0  |  1
            a battery at its floor has nothing to give: min(2, 0) - 0 in slot 0                        |  5      | 0.2  |  0
            a battery of unknown state of charge is promised nothing                                   |  5      |      |  0
            downward: per slot 0 + 2 = 2, over the window 0.375 + min(2, 0.4*2/1 = 0.8) = 1.175         | -5      | 0.6  | -1.175
            """)
    void aBatteryTakesNoMoreThanItsEnergyHoldsForTheWholeWindow(String description, double requestMw, Double soc,
                                                                double allocatedMw) {
        var conditions = Map.of("B1", reporting("B1", 1, 0.0, soc));

        ManualPlan manual = ManualAllocation.plan("manual-1", "S1", requestMw, START, QUARTER, 4, List.of(B1), GROUPS,
                BASE, conditions);

        assertThat(manual.allocation().totalMw()).isCloseTo(allocatedMw, within(1e-9));
        assertThat(manual.allocation().unmetMw()).isCloseTo(requestMw - allocatedMw, within(1e-9));
        assertThat(manual.plan().targetMw()).containsOnly(manual.allocation().totalMw());
        assertThat(manual.plan().devices()).hasSize(allocatedMw == 0 ? 0 : 1);
    }

    @Test
    void aDeviceWithoutABaseStartsFromZeroAndItsBaseIsRecordedAsZeros() {
        // G4 (0.5..3 MW) has no schedule: up 3 from 0 in every slot, minimum 0.5 as it is off; 2 MW is enough.
        var g4 = generator("G4", 0.5, 3, null, 20, "S1", "P");

        ManualPlan manual = ManualAllocation.plan("manual-1", "S1", 2, START, QUARTER, 4, List.of(g4), GROUPS, BASE,
                Map.of("G4", reporting("G4", 1, 0.0, null)));

        assertThat(manual.plan().powerMw().get("G4")).containsExactly(2, 2, 2, 2);
        assertThat(manual.plan().baseMw().get("G4")).containsExactly(0, 0, 0, 0);
    }

    @Test
    void aZeroRequestPlansNothing() {
        ManualPlan manual = ManualAllocation.plan("manual-1", "S1", 0, START, QUARTER, 4, SCOPE, GROUPS, BASE, CONDITIONS);

        assertThat(manual.plan().devices()).isEmpty();
        assertThat(manual.plan().powerMw()).isEmpty();
        assertThat(manual.plan().targetMw()).containsExactly(0, 0, 0, 0);
        assertThat(manual.allocation().unmetMw()).isZero();
    }
}
