package org.vpp.query.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.Capacity;
import org.vpp.messages.fleet.FleetNodeView;
import org.vpp.messages.fleet.FleetView;
import org.vpp.messages.fleet.LastTelemetry;

/**
 * The fleet used by most tests (statuses ONLINE unless noted):
 *
 * <pre>
 * pf (PORTFOLIO)
 * ├── r-east (REGION)
 * │   ├── s-a (SITE, grid limit 2.0)
 * │   │   ├── bat-a1  BATTERY  [-2.0, 2.0] 4.0 MWh soc 0.1..0.9 reserve 0.2, reading 0.5 MW soc 0.5
 * │   │   ├── bat-a2  BATTERY  OFFLINE [-1.0, 1.0] 2.0 MWh soc 0.0..1.0 reserve 0.25, reading 0.0 MW soc 0.75
 * │   │   ├── load-a1 LOAD     [-0.5, 0], never reported
 * │   │   ├── pv-a1   PV       [0, 1.5], reading 1.0 MW
 * │   │   └── pv-a2   PV       DECOMMISSIONED [0, 5.0], reading 4.0 MW
 * │   └── s-b (SITE, MAINTENANCE, no grid limit)
 * │       ├── bat-b1  BATTERY  [-1.0, 1.0] 2.0 MWh minSoc 0.5, no maxSoc, no reserve, reading -0.5 MW without soc
 * │       └── pv-b1   PV       [0, 0.5], never reported
 * └── r-west (REGION)
 *     ├── s-c (SITE, no grid limit)
 *     │   ├── bat-c1  BATTERY  [-0.5, 0.5] 1.0 MWh soc 0.2..1.0 reserve 0.1, reading -0.25 MW soc 0.5
 *     │   └── load-c1 LOAD     OFFLINE [-1.0, 0], reading -0.5 MW
 *     └── s-d (SITE, grid limit 0.5)
 *         └── load-d1 LOAD     [-1.0, 0], reading -0.25 MW
 * pf-b (PORTFOLIO)
 * └── s-x (SITE)
 *     └── pv-x1   PV       [0, 1.0], reading 0.5 MW
 * </pre>
 */
class FleetRollupTest {

    private static final double EPS = 1e-9;
    private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");

    // ---------------------------------------------------------------- fleet fixture

    static FleetRow group(String id, String parent, AssetKind kind, AssetStatus status, Double gridLimitMw) {
        return new FleetRow(AssetId.of(id), parent == null ? null : AssetId.of(parent), kind, id, status,
                gridLimitMw == null ? TechnicalLimits.NONE : TechnicalLimits.groupWithGridLimit(gridLimitMw), null);
    }

    static FleetRow device(String id, String parent, AssetKind kind, AssetStatus status, TechnicalLimits limits,
                           LastTelemetry last) {
        return new FleetRow(AssetId.of(id), AssetId.of(parent), kind, id, status, limits, last);
    }

    static TechnicalLimits battery(double minMw, double maxMw, double capMwh, Double minSoc, Double maxSoc, Double reserveSoc) {
        return new TechnicalLimits(minMw, maxMw, capMwh, 0.95, 0.95, null, minSoc, maxSoc, reserveSoc, null);
    }

    static LastTelemetry reading(double powerMw, Double soc) {
        return new LastTelemetry(AT, powerMw, soc, true);
    }

    static List<FleetRow> eastRows() {
        return List.of(
                group("r-east", "pf", AssetKind.REGION, AssetStatus.ONLINE, null),
                group("s-a", "r-east", AssetKind.SITE, AssetStatus.ONLINE, 2.0),
                device("bat-a1", "s-a", AssetKind.BATTERY, AssetStatus.ONLINE,
                        battery(-2.0, 2.0, 4.0, 0.1, 0.9, 0.2), reading(0.5, 0.5)),
                device("bat-a2", "s-a", AssetKind.BATTERY, AssetStatus.OFFLINE,
                        battery(-1.0, 1.0, 2.0, 0.0, 1.0, 0.25), reading(0.0, 0.75)),
                device("load-a1", "s-a", AssetKind.LOAD, AssetStatus.ONLINE, TechnicalLimits.power(-0.5, 0, null), null),
                device("pv-a1", "s-a", AssetKind.PV, AssetStatus.ONLINE, TechnicalLimits.power(0, 1.5, null), reading(1.0, null)),
                device("pv-a2", "s-a", AssetKind.PV, AssetStatus.DECOMMISSIONED, TechnicalLimits.power(0, 5.0, null), reading(4.0, null)),
                group("s-b", "r-east", AssetKind.SITE, AssetStatus.MAINTENANCE, null),
                device("bat-b1", "s-b", AssetKind.BATTERY, AssetStatus.ONLINE,
                        battery(-1.0, 1.0, 2.0, 0.5, null, null), reading(-0.5, null)),
                device("pv-b1", "s-b", AssetKind.PV, AssetStatus.ONLINE, TechnicalLimits.power(0, 0.5, null), null));
    }

    static List<FleetRow> portfolioRows() {
        List<FleetRow> rows = new ArrayList<>();
        rows.add(group("pf", null, AssetKind.PORTFOLIO, AssetStatus.ONLINE, null));
        rows.addAll(eastRows());
        rows.addAll(List.of(
                group("r-west", "pf", AssetKind.REGION, AssetStatus.ONLINE, null),
                group("s-c", "r-west", AssetKind.SITE, AssetStatus.ONLINE, null),
                device("bat-c1", "s-c", AssetKind.BATTERY, AssetStatus.ONLINE,
                        battery(-0.5, 0.5, 1.0, 0.2, 1.0, 0.1), reading(-0.25, 0.5)),
                device("load-c1", "s-c", AssetKind.LOAD, AssetStatus.OFFLINE, TechnicalLimits.power(-1.0, 0, null), reading(-0.5, null)),
                group("s-d", "r-west", AssetKind.SITE, AssetStatus.ONLINE, 0.5),
                device("load-d1", "s-d", AssetKind.LOAD, AssetStatus.ONLINE, TechnicalLimits.power(-1.0, 0, null), reading(-0.25, null))));
        return rows;
    }

    static List<FleetRow> wholeFleetRows() {
        List<FleetRow> rows = new ArrayList<>(portfolioRows());
        rows.addAll(List.of(
                group("pf-b", null, AssetKind.PORTFOLIO, AssetStatus.ONLINE, null),
                group("s-x", "pf-b", AssetKind.SITE, AssetStatus.ONLINE, null),
                device("pv-x1", "s-x", AssetKind.PV, AssetStatus.ONLINE, TechnicalLimits.power(0, 1.0, null), reading(0.5, null))));
        return rows;
    }

    /** The rows in a fixed but scrambled order: the roll-up must not depend on it. */
    static List<FleetRow> shuffled(List<FleetRow> rows) {
        List<FleetRow> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(42));
        return copy;
    }

    static Map<String, FleetNodeView> byId(FleetView view) {
        return view.nodes().stream().collect(Collectors.toMap(n -> n.id().value(), Function.identity()));
    }

    // ---------------------------------------------------------------- assertions

    /** Expected capacity, field by field, in the order of {@link Capacity}'s components. */
    record Expected(int deviceCount, double maxPowerMw, double minPowerMw, double energyCapacityMwh, double storedEnergyMwh,
                    double headroomMwh, double currentPowerMw, int devicesWithoutTelemetry) {
    }

    static Expected cap(int deviceCount, double maxPowerMw, double minPowerMw, double energyCapacityMwh, double storedEnergyMwh,
                        double headroomMwh, double currentPowerMw, int devicesWithoutTelemetry) {
        return new Expected(deviceCount, maxPowerMw, minPowerMw, energyCapacityMwh, storedEnergyMwh, headroomMwh,
                currentPowerMw, devicesWithoutTelemetry);
    }

    static final Expected NOTHING = cap(0, 0, 0, 0, 0, 0, 0, 0);

    static void assertCapacity(SoftAssertions softly, String what, Capacity actual, Expected e) {
        softly.assertThat(actual).as(what).isNotNull();
        if (actual == null) return;
        softly.assertThat(actual.deviceCount()).as(what + " deviceCount").isEqualTo(e.deviceCount());
        softly.assertThat(actual.maxPowerMw()).as(what + " maxPowerMw").isCloseTo(e.maxPowerMw(), within(EPS));
        softly.assertThat(actual.minPowerMw()).as(what + " minPowerMw").isCloseTo(e.minPowerMw(), within(EPS));
        softly.assertThat(actual.energyCapacityMwh()).as(what + " energyCapacityMwh").isCloseTo(e.energyCapacityMwh(), within(EPS));
        softly.assertThat(actual.storedEnergyMwh()).as(what + " storedEnergyMwh").isCloseTo(e.storedEnergyMwh(), within(EPS));
        softly.assertThat(actual.headroomMwh()).as(what + " headroomMwh").isCloseTo(e.headroomMwh(), within(EPS));
        softly.assertThat(actual.currentPowerMw()).as(what + " currentPowerMw").isCloseTo(e.currentPowerMw(), within(EPS));
        softly.assertThat(actual.devicesWithoutTelemetry()).as(what + " devicesWithoutTelemetry")
                .isEqualTo(e.devicesWithoutTelemetry());
    }

    static void assertNode(SoftAssertions softly, Map<String, FleetNodeView> nodes, String id, Expected installed, Expected available) {
        FleetNodeView node = nodes.get(id);
        softly.assertThat(node).as("node " + id).isNotNull();
        if (node == null) return;
        assertCapacity(softly, id + " installed", node.installed(), installed);
        assertCapacity(softly, id + " available", node.available(), available);
    }

    // ---------------------------------------------------------------- hand-computed expectations
    // Per device: usable = cap x (maxSoc - max(minSoc, reserve)); stored = cap x (soc - floor); headroom = cap x (maxSoc - soc).

    // bat-a1: usable 4.0 x (0.9 - max(0.1, 0.2)) = 2.8; stored 4.0 x (0.5 - 0.2) = 1.2; headroom 4.0 x (0.9 - 0.5) = 1.6
    static final Expected BAT_A1 = cap(1, 2.0, -2.0, 2.8, 1.2, 1.6, 0.5, 0);
    // bat-a2: usable 2.0 x (1.0 - max(0.0, 0.25)) = 1.5; stored 2.0 x (0.75 - 0.25) = 1.0; headroom 2.0 x (1.0 - 0.75) = 0.5
    static final Expected BAT_A2 = cap(1, 1.0, -1.0, 1.5, 1.0, 0.5, 0.0, 0);
    static final Expected LOAD_A1 = cap(1, 0.0, -0.5, 0, 0, 0, 0, 1);
    static final Expected PV_A1 = cap(1, 1.5, 0.0, 0, 0, 0, 1.0, 0);
    // bat-b1: no maxSoc -> ceiling 1.0; usable 2.0 x (1.0 - 0.5) = 1.0; soc unknown -> no stored, no headroom
    static final Expected BAT_B1 = cap(1, 1.0, -1.0, 1.0, 0, 0, -0.5, 0);
    static final Expected PV_B1 = cap(1, 0.5, 0.0, 0, 0, 0, 0, 1);
    // bat-c1: usable 1.0 x (1.0 - max(0.2, 0.1)) = 0.8; stored 1.0 x (0.5 - 0.2) = 0.3; headroom 1.0 x (1.0 - 0.5) = 0.5
    static final Expected BAT_C1 = cap(1, 0.5, -0.5, 0.8, 0.3, 0.5, -0.25, 0);
    static final Expected LOAD_C1 = cap(1, 0.0, -1.0, 0, 0, 0, -0.5, 0);
    static final Expected LOAD_D1 = cap(1, 0.0, -1.0, 0, 0, 0, -0.25, 0);
    static final Expected PV_X1 = cap(1, 1.0, 0.0, 0, 0, 0, 0.5, 0);

    // s-a installed: bat-a1 + bat-a2 + load-a1 + pv-a1 (pv-a2 decommissioned)
    //   max 2.0 + 1.0 + 0 + 1.5 = 4.5 (not clipped by the grid limit); min -2.0 - 1.0 - 0.5 + 0 = -3.5
    //   usable 2.8 + 1.5 = 4.3; stored 1.2 + 1.0 = 2.2; headroom 1.6 + 0.5 = 2.1; current 0.5 + 0.0 + 1.0 = 1.5
    static final Expected S_A_INSTALLED = cap(4, 4.5, -3.5, 4.3, 2.2, 2.1, 1.5, 1);
    // s-a available: bat-a1 + load-a1 + pv-a1 (bat-a2 OFFLINE)
    //   max 2.0 + 0 + 1.5 = 3.5 clipped to 2.0; min -2.0 - 0.5 + 0 = -2.5 clipped to -2.0; current 0.5 + 1.0 = 1.5
    static final Expected S_A_AVAILABLE = cap(3, 2.0, -2.0, 2.8, 1.2, 1.6, 1.5, 1);
    // s-b installed: bat-b1 + pv-b1: max 1.0 + 0.5 = 1.5; min -1.0; current -0.5; available: none (MAINTENANCE)
    static final Expected S_B_INSTALLED = cap(2, 1.5, -1.0, 1.0, 0, 0, -0.5, 1);
    // r-east installed: s-a + s-b: max 4.5 + 1.5 = 6.0; min -3.5 - 1.0 = -4.5; usable 4.3 + 1.0 = 5.3; current 1.5 - 0.5 = 1.0
    static final Expected R_EAST_INSTALLED = cap(6, 6.0, -4.5, 5.3, 2.2, 2.1, 1.0, 2);
    // r-east available: s-a only
    static final Expected R_EAST_AVAILABLE = S_A_AVAILABLE;

    // s-c installed: bat-c1 + load-c1: max 0.5 + 0 = 0.5; min -0.5 - 1.0 = -1.5; current -0.25 - 0.5 = -0.75
    static final Expected S_C_INSTALLED = cap(2, 0.5, -1.5, 0.8, 0.3, 0.5, -0.75, 0);
    // s-c available: bat-c1 only (load-c1 OFFLINE), no grid limit
    static final Expected S_C_AVAILABLE = BAT_C1;
    // s-d installed: load-d1 unclipped
    static final Expected S_D_INSTALLED = LOAD_D1;
    // s-d available: load-d1, min -1.0 clipped to -0.5, max 0 stays under 0.5
    static final Expected S_D_AVAILABLE = cap(1, 0.0, -0.5, 0, 0, 0, -0.25, 0);
    // r-west installed: s-c + s-d: max 0.5 + 0 = 0.5; min -1.5 - 1.0 = -2.5; current -0.75 - 0.25 = -1.0
    static final Expected R_WEST_INSTALLED = cap(3, 0.5, -2.5, 0.8, 0.3, 0.5, -1.0, 0);
    // r-west available: s-c + s-d: max 0.5 + 0 = 0.5; min -0.5 - 0.5 = -1.0; current -0.25 - 0.25 = -0.5
    static final Expected R_WEST_AVAILABLE = cap(2, 0.5, -1.0, 0.8, 0.3, 0.5, -0.5, 0);

    // pf installed: r-east + r-west: count 6 + 3; max 6.0 + 0.5 = 6.5; min -4.5 - 2.5 = -7.0; usable 5.3 + 0.8 = 6.1;
    //   stored 2.2 + 0.3 = 2.5; headroom 2.1 + 0.5 = 2.6; current 1.0 - 1.0 = 0.0; without telemetry 2 + 0
    static final Expected PF_INSTALLED = cap(9, 6.5, -7.0, 6.1, 2.5, 2.6, 0.0, 2);
    // pf available: r-east + r-west: count 3 + 2; max 2.0 + 0.5 = 2.5; min -2.0 - 1.0 = -3.0; usable 2.8 + 0.8 = 3.6;
    //   stored 1.2 + 0.3 = 1.5; headroom 1.6 + 0.5 = 2.1; current 1.5 - 0.5 = 1.0; without telemetry 1 + 0
    static final Expected PF_AVAILABLE = cap(5, 2.5, -3.0, 3.6, 1.5, 2.1, 1.0, 1);

    // pf-b (and s-x): pv-x1 only
    static final Expected PF_B = PV_X1;

    // ---------------------------------------------------------------- tests

    @Test
    void every_node_of_a_portfolio_gets_installed_and_available_capacity_summed_by_hand() {
        FleetView view = FleetRollup.rollup(shuffled(portfolioRows()), AssetId.of("pf"));
        Map<String, FleetNodeView> nodes = byId(view);

        SoftAssertions softly = new SoftAssertions();
        assertNode(softly, nodes, "pf", PF_INSTALLED, PF_AVAILABLE);
        assertNode(softly, nodes, "r-east", R_EAST_INSTALLED, R_EAST_AVAILABLE);
        assertNode(softly, nodes, "s-a", S_A_INSTALLED, S_A_AVAILABLE);
        assertNode(softly, nodes, "bat-a1", BAT_A1, BAT_A1);
        assertNode(softly, nodes, "bat-a2", BAT_A2, NOTHING);
        assertNode(softly, nodes, "load-a1", LOAD_A1, LOAD_A1);
        assertNode(softly, nodes, "pv-a1", PV_A1, PV_A1);
        assertNode(softly, nodes, "pv-a2", NOTHING, NOTHING);
        assertNode(softly, nodes, "s-b", S_B_INSTALLED, NOTHING);
        assertNode(softly, nodes, "r-west", R_WEST_INSTALLED, R_WEST_AVAILABLE);
        assertNode(softly, nodes, "s-c", S_C_INSTALLED, S_C_AVAILABLE);
        assertNode(softly, nodes, "bat-c1", BAT_C1, BAT_C1);
        assertNode(softly, nodes, "load-c1", LOAD_C1, NOTHING);
        assertNode(softly, nodes, "s-d", S_D_INSTALLED, S_D_AVAILABLE);
        assertNode(softly, nodes, "load-d1", LOAD_D1, LOAD_D1);
        assertCapacity(softly, "view installed", view.installed(), PF_INSTALLED);
        assertCapacity(softly, "view available", view.available(), PF_AVAILABLE);
        softly.assertAll();
    }

    @Test
    void installed_counts_devices_whatever_their_status_but_not_decommissioned_ones() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // OFFLINE bat-a2 and the devices of the MAINTENANCE site count as installed ...
        assertThat(nodes.get("bat-a2").installed().deviceCount()).isEqualTo(1);
        assertThat(nodes.get("s-b").installed().deviceCount()).isEqualTo(2);
        // ... the decommissioned pv-a2 (5.0 MW) does not: s-a max 2.0 + 1.0 + 0 + 1.5 = 4.5, not 9.5
        assertThat(nodes.get("pv-a2").installed()).isEqualTo(Capacity.ZERO);
        assertThat(nodes.get("pv-a2").available()).isEqualTo(Capacity.ZERO);
        assertThat(nodes.get("s-a").installed().deviceCount()).isEqualTo(4);
        assertThat(nodes.get("s-a").installed().maxPowerMw()).isCloseTo(4.5, within(EPS));
        // its reading of 4.0 MW is not in the current power either: 0.5 + 0.0 + 1.0 = 1.5
        assertThat(nodes.get("s-a").installed().currentPowerMw()).isCloseTo(1.5, within(EPS));
        // but it is still listed as a node
        assertThat(nodes.get("pv-a2").status()).isEqualTo(AssetStatus.DECOMMISSIONED);
    }

    @Test
    void available_counts_only_online_devices_under_online_groups() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // OFFLINE devices contribute nothing available
        assertThat(nodes.get("bat-a2").available()).isEqualTo(Capacity.ZERO);
        assertThat(nodes.get("load-c1").available()).isEqualTo(Capacity.ZERO);
        // a MAINTENANCE site hides its ONLINE devices from everything above it
        assertThat(nodes.get("s-b").available()).isEqualTo(Capacity.ZERO);
        // r-east available is s-a's alone: 3 devices, not 3 + 2
        assertThat(nodes.get("r-east").available().deviceCount()).isEqualTo(3);
        // pf: s-a 3 + s-c 1 + s-d 1
        assertThat(nodes.get("pf").available().deviceCount()).isEqualTo(5);
    }

    @Test
    void an_offline_region_makes_nothing_below_it_available_to_the_portfolio() {
        List<FleetRow> rows = portfolioRows().stream()
                .map(r -> r.id().value().equals("r-west")
                        ? group("r-west", "pf", AssetKind.REGION, AssetStatus.OFFLINE, null) : r)
                .toList();
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(rows, AssetId.of("pf")));

        SoftAssertions softly = new SoftAssertions();
        assertNode(softly, nodes, "r-west", R_WEST_INSTALLED, NOTHING);
        // pf available is now r-east's alone; installed unchanged
        assertNode(softly, nodes, "pf", PF_INSTALLED, R_EAST_AVAILABLE);
        softly.assertAll();
    }

    @Test
    void a_grid_limit_clips_available_power_in_both_directions_but_not_installed_power_or_energy() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        FleetNodeView sa = nodes.get("s-a");
        // devices could do [-2.5, 3.5] (see S_A_AVAILABLE); the 2.0 MW connection clips both ends
        assertThat(sa.available().maxPowerMw()).isCloseTo(2.0, within(EPS));
        assertThat(sa.available().minPowerMw()).isCloseTo(-2.0, within(EPS));
        // energy untouched by the clip: 2.8 (bat-a1)
        assertThat(sa.available().energyCapacityMwh()).isCloseTo(2.8, within(EPS));
        // installed ignores the grid limit: 4.5 > 2.0
        assertThat(sa.installed().maxPowerMw()).isCloseTo(4.5, within(EPS));

        FleetNodeView sd = nodes.get("s-d");
        // load-d1 could do [-1.0, 0]; the 0.5 MW connection clips only the consumption side
        assertThat(sd.available().minPowerMw()).isCloseTo(-0.5, within(EPS));
        assertThat(sd.available().maxPowerMw()).isCloseTo(0.0, within(EPS));
        assertThat(sd.installed().minPowerMw()).isCloseTo(-1.0, within(EPS));
    }

    @Test
    void a_grid_limit_above_the_devices_range_changes_nothing() {
        List<FleetRow> rows = List.of(
                group("s", null, AssetKind.SITE, AssetStatus.ONLINE, 10.0),
                device("bat", "s", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-2.0, 2.0, 4.0, 0.0, 1.0, 0.0), reading(0.5, 0.5)));
        FleetView view = FleetRollup.rollup(rows, AssetId.of("s"));

        // usable 4.0 x (1.0 - 0.0) = 4.0; stored 4.0 x 0.5 = 2.0; headroom 4.0 x 0.5 = 2.0
        SoftAssertions softly = new SoftAssertions();
        assertCapacity(softly, "available", view.root().available(), cap(1, 2.0, -2.0, 4.0, 2.0, 2.0, 0.5, 0));
        softly.assertAll();
    }

    static Stream<Arguments> unreachableGridRange() {
        return Stream.of(
                // a must-run generator: can do [0.5, 2.0], the connection only [-0.3, 0.3] -> 0.5 is the nearest it can get
                Arguments.of("must-run generator", AssetKind.GENERATOR, TechnicalLimits.power(0.5, 2.0, null), 0.3, 0.5),
                // a must-run load: can do [-0.8, -0.2], the connection only [-0.1, 0.1] -> -0.2 is the nearest it can get
                Arguments.of("must-run load", AssetKind.LOAD, TechnicalLimits.power(-0.8, -0.2, null), 0.1, -0.2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unreachableGridRange(String name, AssetKind kind, TechnicalLimits limits, double gridLimitMw, double nearestMw) {
        List<FleetRow> rows = List.of(
                group("s", null, AssetKind.SITE, AssetStatus.ONLINE, gridLimitMw),
                device("d", "s", kind, AssetStatus.ONLINE, limits, reading(nearestMw, null)));
        Capacity available = FleetRollup.rollup(rows, AssetId.of("s")).root().available();

        // min never exceeds max ...
        assertThat(available.minPowerMw()).isLessThanOrEqualTo(available.maxPowerMw());
        // ... and both collapse onto the device bound nearest to the connection's range: the devices cannot
        // reach any other power, in particular not the connection's own bound
        assertThat(available.maxPowerMw()).as("max").isCloseTo(nearestMw, within(EPS));
        assertThat(available.minPowerMw()).as("min").isCloseTo(nearestMw, within(EPS));
    }

    @Test
    void usable_energy_uses_the_higher_of_min_soc_and_reserve_and_a_missing_max_soc_means_full() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // reserve above minSoc: 4.0 x (0.9 - 0.2) = 2.8
        assertThat(nodes.get("bat-a1").installed().energyCapacityMwh()).isCloseTo(2.8, within(EPS));
        // minSoc above reserve: 1.0 x (1.0 - 0.2) = 0.8
        assertThat(nodes.get("bat-c1").installed().energyCapacityMwh()).isCloseTo(0.8, within(EPS));
        // no reserve, no maxSoc: 2.0 x (1.0 - 0.5) = 1.0
        assertThat(nodes.get("bat-b1").installed().energyCapacityMwh()).isCloseTo(1.0, within(EPS));
        // non-storage devices hold none
        assertThat(nodes.get("pv-a1").installed().energyCapacityMwh()).isCloseTo(0.0, within(EPS));
    }

    @Test
    void stored_energy_and_headroom_count_only_devices_with_a_known_soc() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // bat-b1 reported power but no soc: usable energy yes, stored and headroom no
        Capacity b1 = nodes.get("bat-b1").installed();
        assertThat(b1.energyCapacityMwh()).isCloseTo(1.0, within(EPS));
        assertThat(b1.storedEnergyMwh()).isCloseTo(0.0, within(EPS));
        assertThat(b1.headroomMwh()).isCloseTo(0.0, within(EPS));
        assertThat(b1.devicesWithoutTelemetry()).isZero();
        // r-east installed: stored 1.2 + 1.0 (bat-a1, bat-a2) + 0 (bat-b1) = 2.2; headroom 1.6 + 0.5 + 0 = 2.1
        assertThat(nodes.get("r-east").installed().storedEnergyMwh()).isCloseTo(2.2, within(EPS));
        assertThat(nodes.get("r-east").installed().headroomMwh()).isCloseTo(2.1, within(EPS));
    }

    @Test
    void stored_energy_and_headroom_never_go_negative_outside_the_usable_band() {
        // usable band [0.2, 0.8] of 2.0 MWh; one battery below the floor, one above the ceiling
        List<FleetRow> rows = List.of(
                group("s", null, AssetKind.SITE, AssetStatus.ONLINE, null),
                device("low", "s", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-1.0, 1.0, 2.0, 0.1, 0.8, 0.2), reading(0.0, 0.1)),
                device("high", "s", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-1.0, 1.0, 2.0, 0.1, 0.8, 0.2), reading(0.0, 0.9)));
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(rows, AssetId.of("s")));

        // low: stored max(0, 0.1 - 0.2) = 0; headroom 2.0 x (0.8 - 0.1) = 1.4
        assertThat(nodes.get("low").installed().storedEnergyMwh()).isCloseTo(0.0, within(EPS));
        assertThat(nodes.get("low").installed().headroomMwh()).isCloseTo(1.4, within(EPS));
        // high: stored 2.0 x (0.9 - 0.2) = 1.4; headroom max(0, 0.8 - 0.9) = 0
        assertThat(nodes.get("high").installed().storedEnergyMwh()).isCloseTo(1.4, within(EPS));
        assertThat(nodes.get("high").installed().headroomMwh()).isCloseTo(0.0, within(EPS));
        // usable 2.0 x (0.8 - 0.2) = 1.2 each
        assertThat(nodes.get("s").installed().energyCapacityMwh()).isCloseTo(2.4, within(EPS));
    }

    @Test
    void devices_that_never_reported_are_counted_installed_and_available() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // load-a1 (s-a) and pv-b1 (s-b)
        assertThat(nodes.get("pf").installed().devicesWithoutTelemetry()).isEqualTo(2);
        // pv-b1 sits in the MAINTENANCE site, so only load-a1 is available
        assertThat(nodes.get("pf").available().devicesWithoutTelemetry()).isEqualTo(1);
        assertThat(nodes.get("r-west").installed().devicesWithoutTelemetry()).isZero();
        // a device that never reported contributes no current power
        assertThat(nodes.get("load-a1").installed().currentPowerMw()).isCloseTo(0.0, within(EPS));
    }

    @Test
    void upward_and_downward_flex_are_measured_from_the_current_power() {
        Map<String, FleetNodeView> nodes = byId(FleetRollup.rollup(portfolioRows(), AssetId.of("pf")));

        // pf available: up 2.5 - 1.0 = 1.5; down 1.0 - (-3.0) = 4.0
        assertThat(nodes.get("pf").available().upwardFlexMw()).isCloseTo(1.5, within(EPS));
        assertThat(nodes.get("pf").available().downwardFlexMw()).isCloseTo(4.0, within(EPS));
        // s-a available (clipped): up 2.0 - 1.5 = 0.5; down 1.5 - (-2.0) = 3.5
        assertThat(nodes.get("s-a").available().upwardFlexMw()).isCloseTo(0.5, within(EPS));
        assertThat(nodes.get("s-a").available().downwardFlexMw()).isCloseTo(3.5, within(EPS));
        // s-d available: up 0.0 - (-0.25) = 0.25; down -0.25 - (-0.5) = 0.25
        assertThat(nodes.get("s-d").available().upwardFlexMw()).isCloseTo(0.25, within(EPS));
        assertThat(nodes.get("s-d").available().downwardFlexMw()).isCloseTo(0.25, within(EPS));
    }

    @Test
    void flex_is_never_negative_when_current_power_is_outside_the_clipped_range() {
        // PV producing 1.5 MW behind a 1.0 MW connection
        List<FleetRow> rows = List.of(
                group("s", null, AssetKind.SITE, AssetStatus.ONLINE, 1.0),
                device("pv", "s", AssetKind.PV, AssetStatus.ONLINE, TechnicalLimits.power(0, 2.0, null), reading(1.5, null)));
        Capacity available = FleetRollup.rollup(rows, AssetId.of("s")).root().available();

        // up max(0, 1.0 - 1.5) = 0; down 1.5 - 0 = 1.5
        assertThat(available.upwardFlexMw()).isCloseTo(0.0, within(EPS));
        assertThat(available.downwardFlexMw()).isCloseTo(1.5, within(EPS));
    }

    @Test
    void a_subtree_is_rooted_at_the_asked_node_depth_first_with_children_ordered_by_id() {
        FleetView view = FleetRollup.rollup(shuffled(eastRows()), AssetId.of("r-east"));

        assertThat(view.root()).isNotNull();
        assertThat(view.root().id()).isEqualTo(AssetId.of("r-east"));
        assertThat(view.root().parentId()).isEqualTo(AssetId.of("pf"));
        assertThat(view.root().depth()).isZero();
        assertThat(view.nodes().getFirst()).isEqualTo(view.root());
        assertThat(view.nodes()).extracting(n -> n.id().value() + "@" + n.depth()).containsExactly(
                "r-east@0",
                "s-a@1", "bat-a1@2", "bat-a2@2", "load-a1@2", "pv-a1@2", "pv-a2@2",
                "s-b@1", "bat-b1@2", "pv-b1@2");

        SoftAssertions softly = new SoftAssertions();
        assertCapacity(softly, "root installed", view.root().installed(), R_EAST_INSTALLED);
        assertCapacity(softly, "root available", view.root().available(), R_EAST_AVAILABLE);
        assertCapacity(softly, "view installed", view.installed(), R_EAST_INSTALLED);
        assertCapacity(softly, "view available", view.available(), R_EAST_AVAILABLE);
        softly.assertAll();
    }

    @Test
    void a_subtree_node_has_the_same_capacities_as_in_the_whole_fleet() {
        FleetNodeView alone = FleetRollup.rollup(eastRows(), AssetId.of("r-east")).root();
        FleetNodeView inFleet = byId(FleetRollup.rollup(wholeFleetRows(), null)).get("r-east");

        assertThat(alone.installed()).isEqualTo(inFleet.installed());
        assertThat(alone.available()).isEqualTo(inFleet.available());
        assertThat(inFleet.depth()).isEqualTo(1);
    }

    @Test
    void the_whole_fleet_has_no_root_and_totals_every_root() {
        FleetView view = FleetRollup.rollup(shuffled(wholeFleetRows()), null);

        assertThat(view.root()).isNull();
        assertThat(view.nodes()).extracting(n -> n.id().value() + "@" + n.depth()).containsExactly(
                "pf@0",
                "r-east@1",
                "s-a@2", "bat-a1@3", "bat-a2@3", "load-a1@3", "pv-a1@3", "pv-a2@3",
                "s-b@2", "bat-b1@3", "pv-b1@3",
                "r-west@1",
                "s-c@2", "bat-c1@3", "load-c1@3",
                "s-d@2", "load-d1@3",
                "pf-b@0",
                "s-x@1", "pv-x1@2");

        // installed pf + pf-b: count 9 + 1; max 6.5 + 1.0 = 7.5; min -7.0 + 0 = -7.0; usable 6.1; stored 2.5;
        //   headroom 2.6; current 0.0 + 0.5 = 0.5; without telemetry 2
        // available pf + pf-b: count 5 + 1; max 2.5 + 1.0 = 3.5; min -3.0; usable 3.6; stored 1.5; headroom 2.1;
        //   current 1.0 + 0.5 = 1.5; without telemetry 1
        SoftAssertions softly = new SoftAssertions();
        assertCapacity(softly, "installed", view.installed(), cap(10, 7.5, -7.0, 6.1, 2.5, 2.6, 0.5, 2));
        assertCapacity(softly, "available", view.available(), cap(6, 3.5, -3.0, 3.6, 1.5, 2.1, 1.5, 1));
        Map<String, FleetNodeView> nodes = byId(view);
        assertNode(softly, nodes, "pf", PF_INSTALLED, PF_AVAILABLE);
        assertNode(softly, nodes, "pf-b", PF_B, PF_B);
        assertNode(softly, nodes, "s-x", PV_X1, PV_X1);
        softly.assertAll();
    }

    @Test
    void an_unknown_root_gives_an_empty_view() {
        FleetView view = FleetRollup.rollup(portfolioRows(), AssetId.of("nowhere"));

        assertThat(view.root()).isNull();
        assertThat(view.nodes()).isEmpty();
        assertThat(view.installed()).isEqualTo(Capacity.ZERO);
        assertThat(view.available()).isEqualTo(Capacity.ZERO);
    }

    /**
     * The input limits bound every device at ±100 GW and 1 TWh; a fleet of 10,000 such batteries, all at the extreme
     * (full SoC, discharging at full power), sums to 1e9 MW and 1e10 MWh: exact integers in a double (below 2^53),
     * nowhere near its 1.8e308. Even int's 2^31 devices would sum to about 2e15. A roll-up cannot overflow.
     */
    @Test
    void aFleetAtThePlausibleExtremesRollsUpExactlyWithoutOverflow() {
        double maxMw = TechnicalLimits.MAX_ABS_POWER_MW;
        double maxMwh = TechnicalLimits.MAX_ENERGY_MWH;
        List<FleetRow> rows = new ArrayList<>();
        rows.add(group("pf", null, AssetKind.PORTFOLIO, AssetStatus.ONLINE, null));
        rows.add(group("site", "pf", AssetKind.SITE, AssetStatus.ONLINE, null));
        for (int i = 0; i < 10_000; i++) {
            rows.add(device("bat-" + i, "site", AssetKind.BATTERY, AssetStatus.ONLINE,
                    battery(-maxMw, maxMw, maxMwh, 0.0, 1.0, 0.0), reading(maxMw, 1.0)));
        }

        Capacity total = FleetRollup.rollup(rows, null).installed();

        assertThat(total.deviceCount()).isEqualTo(10_000);
        assertThat(total.maxPowerMw()).isEqualTo(1e9);
        assertThat(total.minPowerMw()).isEqualTo(-1e9);
        assertThat(total.currentPowerMw()).isEqualTo(1e9);
        assertThat(total.energyCapacityMwh()).isEqualTo(1e10);
        assertThat(total.storedEnergyMwh()).isEqualTo(1e10);
        assertThat(total.headroomMwh()).isZero();
    }
}
