package org.vpp.sagas.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.sagas.dispatch.DispatchFixtures.QUARTER;
import static org.vpp.sagas.dispatch.DispatchFixtures.battery;
import static org.vpp.sagas.dispatch.DispatchFixtures.generator;
import static org.vpp.sagas.dispatch.DispatchFixtures.group;
import static org.vpp.sagas.dispatch.DispatchFixtures.load;
import static org.vpp.sagas.dispatch.DispatchFixtures.offline;
import static org.vpp.sagas.dispatch.DispatchFixtures.pv;
import static org.vpp.sagas.dispatch.DispatchFixtures.reporting;
import static org.vpp.sagas.dispatch.DispatchFixtures.unavailable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.sagas.dispatch.RedispatchPolicy.Covered;

/**
 * The re-dispatch policy on a small tree, worked by hand. Slots are 15 minutes. Unless a test says otherwise:
 * <pre>
 * P (portfolio)
 * ├─ R1 (region, grid limit given per test)
 * │  ├─ S1 (site, grid limit given per test)
 * │  │   B1  battery -4..4 MW, 8 MWh, SoC 0.5, 10 EUR/MWh  setpoint 2 (up: min(4, 0.5*8/0.25 = 16) - 2 = 2)
 * │  │   G1  generator 0..5 MW, 80 EUR/MWh               setpoint 1
 * │  │   PV1 PV 5 MW, 0 EUR/MWh                          setpoint 2 (can only be curtailed)
 * │  │   L1  load, planned -1 MW, no setpoint
 * │  ├─ S2 (site)  G2 generator 0..5 MW, 30 EUR/MWh     setpoint 2
 * │  └─ S4 (site)  G4 generator 0..5 MW, 70 EUR/MWh     setpoint 0
 * └─ R2 (region)
 *    └─ S3 (site)  G3 generator 0..10 MW, 20 EUR/MWh    setpoint 0
 * </pre>
 * Every device is online, available and reporting.
 */
class RedispatchPolicyTest {

    private static final Map<String, Double> SETPOINTS = Map.of(
            "B1", 2.0, "G1", 1.0, "PV1", 2.0, "G2", 2.0, "G4", 0.0, "G3", 0.0);

    @Test
    void withoutShortfallsNothingMoves() {
        Covered covered = RedispatchPolicy.cover(tree(null, null, null), 0, SETPOINTS, List.of(), conditions());

        assertThat(covered.setpointsMw()).isEqualTo(SETPOINTS);
        assertThat(covered.redispatches()).isEmpty();
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void theNearestSiblingCoversEvenWhenAFartherDeviceIsCheaper() {
        // B1 (2 MW) goes offline. G1 shares its site at 80 EUR/MWh; G2 (30) shares only the region, G3 (20) only the
        // portfolio. G1 has 5 - 1 = 4 MW up, so it takes all 2: 1 + 2 = 3.
        Covered covered = RedispatchPolicy.cover(tree(null, null, null), 0, SETPOINTS,
                List.of(shortfall("B1", 2, ShortfallCause.OFFLINE)), conditions());

        assertThat(covered.redispatches()).containsExactly(new Redispatch("B1", "G1", Megawatts.of(2), "SITE"));
        assertThat(covered.setpointsMw()).contains(entry("B1", 0.0), entry("G1", 3.0), entry("G2", 2.0), entry("G3", 0.0));
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void aSiteGridLimitStopsADeviceInASiblingSiteAndTheRestOfTheRegionCovers() {
        // G2 (4 MW) goes offline in S2; S1 has a 5 MW grid limit. Region R1 candidates by merit: B1 (10), G4 (70),
        // G1 (80); G3 (20) is only in the portfolio. S1's net is B1 2 + G1 1 + PV1 2 + L1 -1 = 4, so S1 takes
        // 5 - 4 = 1 more: B1 gives 1 of its 2 MW up (-> 3) and G1 nothing. G4 gives the other 3 (-> 3).
        var setpoints = new HashMap<>(SETPOINTS);
        setpoints.put("G2", 4.0);

        Covered covered = RedispatchPolicy.cover(tree(5.0, null, null), 0, setpoints,
                List.of(shortfall("G2", 4, ShortfallCause.OFFLINE)), conditions());

        assertThat(covered.redispatches()).containsExactly(
                new Redispatch("G2", "B1", Megawatts.of(1), "REGION"),
                new Redispatch("G2", "G4", Megawatts.of(3), "REGION"));
        assertThat(covered.setpointsMw()).contains(entry("G2", 0.0), entry("B1", 3.0), entry("G1", 1.0),
                entry("G4", 3.0), entry("G3", 0.0));
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void whatNoCandidateCanTakeIsLeftUncoveredLargestShortfallFirst() {
        // G2 is offline, G4 unavailable, G3 itself short, PV1 cannot go up: G1 (4 -> 5 MW, 1 up) is the only
        // candidate. B1's 3 MW comes first (larger): G1 gives 1, 2 stay uncovered. G3's 0.5 then finds G1 full:
        // 0.5 more uncovered, 2.5 in all. G3 keeps 2 - 0.5 = 1.5.
        var setpoints = new HashMap<>(SETPOINTS);
        setpoints.putAll(Map.of("B1", 3.0, "G1", 4.0, "G3", 2.0));
        var conditions = new HashMap<>(conditions());
        conditions.put("G2", offline("G2"));
        conditions.put("G4", unavailable("G4"));

        Covered covered = RedispatchPolicy.cover(tree(null, null, null), 0, setpoints, List.of(
                shortfall("G3", 0.5, ShortfallCause.UNDER_PERFORMING),
                shortfall("B1", 3, ShortfallCause.OFFLINE)), conditions);

        assertThat(covered.redispatches()).containsExactly(new Redispatch("B1", "G1", Megawatts.of(1), "SITE"));
        assertThat(covered.setpointsMw()).contains(entry("B1", 0.0), entry("G1", 5.0), entry("G3", 1.5),
                entry("G2", 2.0), entry("G4", 0.0));
        assertThat(covered.uncoveredMw()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void aChargingBatteryGoingOfflineIsCoveredDownwardDearestOutputFirst() {
        // B1 was to charge at -2 MW: offline, the fleet would inject 2 MW more, so -2 is missing. In S1 the dearest
        // output goes first: G1 (80) from 1 to 0, then PV1 (0) curtailed from 2 to 1. G2 (30) in the region stays.
        var setpoints = new HashMap<>(SETPOINTS);
        setpoints.put("B1", -2.0);

        Covered covered = RedispatchPolicy.cover(tree(null, null, null), 0, setpoints,
                List.of(shortfall("B1", -2, ShortfallCause.OFFLINE)), conditions());

        assertThat(covered.redispatches()).containsExactly(
                new Redispatch("B1", "G1", Megawatts.of(-1), "SITE"),
                new Redispatch("B1", "PV1", Megawatts.of(-1), "SITE"));
        assertThat(covered.setpointsMw()).contains(entry("B1", 0.0), entry("G1", 0.0), entry("PV1", 1.0),
                entry("G2", 2.0));
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void movesForSeveralShortfallsAddUpAgainstOneRampAndAShortDeviceKeepsWhatItDelivers() {
        // G1 ramps 0.1 MW/min: 1.5 MW in the slot. B1 (2, offline) first: G1 +1.5 (ramp), then the region's
        // cheapest, G2 (30), +0.5. PV1 under-performs by 1 (2 -> 1): G1 has no ramp left, so G2 again, +1 -> 3.5.
        // PV1 keeps its cap of 2: whatever the weather gives above the 1 expected is not thrown away.
        Covered covered = RedispatchPolicy.cover(tree(null, null, 0.1), 0, SETPOINTS, List.of(
                shortfall("PV1", 1, ShortfallCause.UNDER_PERFORMING),
                shortfall("B1", 2, ShortfallCause.OFFLINE)), conditions());

        assertThat(covered.redispatches()).containsExactly(
                new Redispatch("B1", "G1", Megawatts.of(1.5), "SITE"),
                new Redispatch("B1", "G2", Megawatts.of(0.5), "REGION"),
                new Redispatch("PV1", "G2", Megawatts.of(1), "REGION"));
        assertThat(covered.setpointsMw()).contains(entry("B1", 0.0), entry("PV1", 2.0), entry("G1", 2.5),
                entry("G2", 3.5));
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void aRenewableBelowItsCapKeepsTheCapAndTheGridLimitCountsWhatItIsExpectedToDeliver() {
        // Dawn: PV1's last power was 0 against a cap of 2, so it is foreseen to miss all 2. It is still sent 2: a
        // lower cap could only throw away what the sun gives once it rises (sent its last power, a PV plant stayed at
        // 0 MW all day, each slot's last power being the cap before). S1 (limit 4) counts PV1 at the 0 it is
        // expected to deliver: 2 + 1 + 0 - 1 = 2, so the site's cheapest, B1 (10 EUR/MWh), takes all 2 (2 -> 4) within
        // the 2 MW left. (Counted at its cap, S1 would be full and G2 in the region would have to cover.)
        var conditions = new HashMap<>(conditions());
        conditions.put("PV1", reporting("PV1", 1, 0.0, null));

        Covered covered = RedispatchPolicy.cover(tree(4.0, null, null), 0, SETPOINTS,
                List.of(shortfall("PV1", 2, ShortfallCause.UNDER_PERFORMING)), conditions);

        assertThat(covered.setpointsMw()).contains(entry("PV1", 2.0), entry("B1", 4.0), entry("G1", 1.0), entry("G2", 2.0));
        assertThat(covered.redispatches()).containsExactly(new Redispatch("PV1", "B1", Megawatts.of(2), "SITE"));
        assertThat(covered.uncoveredMw()).isZero();
    }

    @Test
    void aGridLimitCountsTheMovesMadeBeneathItForEarlierShortfalls() {
        // R1 has a 7 MW grid limit; its net is 2 + 1 + 2 - 1 + 2 + 0 = 6. B1 (2, offline) and G3 (2, offline) tie on
        // size, B1 goes first by id: G1 in its site takes it (1 -> 3), so R1 is back at 6. G3 shares only the
        // portfolio with anyone: G2 (30) is cheapest, but R1 takes only 7 - 6 = 1 more; G4 and G1 are behind the same
        // limit, so 1 MW stays uncovered.
        var setpoints = new HashMap<>(SETPOINTS);
        setpoints.put("G3", 2.0);

        Covered covered = RedispatchPolicy.cover(tree(null, 7.0, null), 0, setpoints, List.of(
                shortfall("G3", 2, ShortfallCause.OFFLINE),
                shortfall("B1", 2, ShortfallCause.OFFLINE)), conditions());

        assertThat(covered.redispatches()).containsExactly(
                new Redispatch("B1", "G1", Megawatts.of(2), "SITE"),
                new Redispatch("G3", "G2", Megawatts.of(1), "PORTFOLIO"));
        assertThat(covered.setpointsMw()).contains(entry("B1", 0.0), entry("G1", 3.0), entry("G2", 3.0),
                entry("G3", 0.0), entry("G4", 0.0));
        assertThat(covered.uncoveredMw()).isCloseTo(1, within(1e-9));
    }

    /**
     * One site: X (a battery, offline at the row's setpoint) and four generators. GA is off (0 MW, minimum 2, max 5,
     * 10 EUR/MWh); GB (1 of 3 MW), GC and GD (1 of 4 MW) cost 40 each, so GC and GD have 3 MW up, GB 2.
     * At equal cost the larger headroom goes first, then the id: GC, GD, GB.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                                        | missing | moves                   | uncovered
            1.5 MW is below GA's minimum of 2: GA is skipped, GC has the most headroom     |  1.5    | GC:1.5                  | 0
            2.5 MW starts GA, the cheapest                                                 |  2.5    | GA:2.5                  | 0
            9 MW: GA 5, GC 3, then GD before GB by headroom and id: 1                      |  9      | GA:5 GC:3 GD:1          | 0
            14 MW: GA 5, GC 3, GD 3, GB 2 = 13, 1 uncovered                                | 14      | GA:5 GC:3 GD:3 GB:2     | 1
            """)
    void offGeneratorsNeedTheirMinimumAndTiesGoToHeadroomThenId(String description, double missing, String moves,
                                                                 double uncovered) {
        var devices = List.of(
                battery("X", -20, 20, 100, 0, 1, 1, 10, "S9", "P"),
                generator("GA", 2, 5, null, 10, "S9", "P"),
                generator("GB", 0, 3, null, 40, "S9", "P"),
                generator("GC", 0, 4, null, 40, "S9", "P"),
                generator("GD", 0, 4, null, 40, "S9", "P"));
        var plan = DispatchFixtures.marketPlan(QUARTER, devices,
                List.of(group("P", AssetKind.PORTFOLIO, null, null), group("S9", AssetKind.SITE, "P", null)),
                Map.of("X", new double[] {missing}, "GA", new double[] {0}, "GB", new double[] {1},
                        "GC", new double[] {1}, "GD", new double[] {1}),
                Map.of());
        var setpoints = Map.of("X", missing, "GA", 0.0, "GB", 1.0, "GC", 1.0, "GD", 1.0);
        var conditions = Map.of("X", offline("X"), "GA", reporting("GA", 1, 0.0, null),
                "GB", reporting("GB", 1, 1.0, null), "GC", reporting("GC", 1, 1.0, null),
                "GD", reporting("GD", 1, 1.0, null));

        Covered covered = RedispatchPolicy.cover(plan, 0, setpoints,
                List.of(shortfall("X", missing, ShortfallCause.OFFLINE)), conditions);

        assertThat(covered.redispatches()).containsExactlyElementsOf(Arrays.stream(moves.split(" ")).map(move -> {
            String[] m = move.split(":");
            return new Redispatch("X", m[0], Megawatts.of(Double.parseDouble(m[1])), "SITE");
        }).toList());
        assertThat(covered.uncoveredMw()).isCloseTo(uncovered, within(1e-9));
    }

    private static DispatchPlan tree(Double s1LimitMw, Double r1LimitMw, Double g1RampMwPerMin) {
        var devices = List.of(
                battery("B1", -4, 4, 8, 0, 1, 1, 10, "S1", "R1", "P"),
                generator("G1", 0, 5, g1RampMwPerMin, 80, "S1", "R1", "P"),
                pv("PV1", 5, 0, "S1", "R1", "P"),
                load("L1", -2, "S1", "R1", "P"),
                generator("G2", 0, 5, null, 30, "S2", "R1", "P"),
                generator("G4", 0, 5, null, 70, "S4", "R1", "P"),
                generator("G3", 0, 10, null, 20, "S3", "R2", "P"));
        var groups = List.of(
                group("P", AssetKind.PORTFOLIO, null, null),
                group("R1", AssetKind.REGION, "P", r1LimitMw),
                group("R2", AssetKind.REGION, "P", null),
                group("S1", AssetKind.SITE, "R1", s1LimitMw),
                group("S2", AssetKind.SITE, "R1", null),
                group("S3", AssetKind.SITE, "R2", null),
                group("S4", AssetKind.SITE, "R1", null));
        var power = Map.of("B1", new double[] {2}, "G1", new double[] {1}, "PV1", new double[] {2},
                "L1", new double[] {-1}, "G2", new double[] {2}, "G4", new double[] {0}, "G3", new double[] {0});
        return DispatchFixtures.marketPlan(QUARTER, devices, groups, power, Map.of());
    }

    private static Map<String, DeviceCondition> conditions() {
        return Map.of(
                "B1", reporting("B1", 1, 2.0, 0.5),
                "G1", reporting("G1", 1, 1.0, null),
                "PV1", reporting("PV1", 1, 2.0, null),
                "L1", reporting("L1", 1, -1.0, null),
                "G2", reporting("G2", 1, 2.0, null),
                "G4", reporting("G4", 1, 0.0, null),
                "G3", reporting("G3", 1, 0.0, null));
    }

    private static Shortfall shortfall(String id, double missingMw, ShortfallCause cause) {
        return new Shortfall(id, Megawatts.of(missingMw), cause);
    }
}
