package org.vpp.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.cap;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;
import static org.vpp.api.support.Fleet.node;
import static org.vpp.api.support.Fleet.power;
import static org.vpp.api.support.Fleet.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * The fleet as of three past instants, rebuilt from the events, against states worked out by hand:
 * <pre>
 * P
 * +-- S1 (grid 3 MW): bat (-2..2 MW, 4 MWh, SoC 0.1..0.9, reserve 0.2: usable 4 x (0.9 - 0.2) = 2.8 MWh), pv (0..1.5 MW)
 * +-- S2
 * A (minute 1): all ONLINE; bat reads 1.0 MW at SoC 0.5 (stored 4 x 0.3 = 1.2 MWh)
 * B (minute 2): bat reads -1.0 MW at SoC 0.7 (stored 2.0 MWh), then goes to MAINTENANCE; pv's limits become 0..2.5 MW
 * C (minute 3): pv moves to S2; bat is ONLINE again
 * </pre>
 */
class FleetAsOfIT extends ApiIT {

    static final String FLEET_AS_OF = """
            query($root: ID, $asOf: DateTime) {
              fleet(rootId: $root, asOf: $asOf) {
                root { id name }
                installed { ...cap } available { ...cap }
                nodes { id parentId depth kind status installed { ...cap } available { ...cap } }
              }
            }
            fragment cap on Capacity { deviceCount maxPowerMw minPowerMw energyCapacityMwh storedEnergyMwh headroomMwh
              currentPowerMw upwardFlexMw downwardFlexMw devicesWithoutTelemetry }""";

    private GraphQl operator, auditor;
    private String p, s1, s2, bat, pv;
    private Instant a, b, c, before;

    @BeforeEach
    void aFleetChangesOverThreeMinutes() {
        operator = graphQl(Role.OPERATOR);
        auditor = graphQl(Role.AUDITOR);
        Fleet fleet = new Fleet(operator);
        p = id("p");
        s1 = id("s1");
        s2 = id("s2");
        bat = id("bat");
        pv = id("pv");
        before = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        fleet.registerOk(group(p, "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(group(s1, "SITE", "Site 1", p, 3.0));
        fleet.registerOk(group(s2, "SITE", "Site 2", p, null));
        fleet.registerOk(device(bat, "BATTERY", s1, battery(-2, 2, 4, 0.1, 0.9, 0.2)));
        fleet.registerOk(device(pv, "PV", s1, power(0, 1.5)));
        ingestOk(fleet, reading(bat, clock.instant(), 1.0, 0.5, true));
        a = clock.instant();

        clock.advance(Duration.ofMinutes(1));
        ingestOk(fleet, reading(bat, clock.instant(), -1.0, 0.7, true));
        mutate("changeAssetStatus", "ChangeAssetStatusInput", Map.of("id", bat, "status", "MAINTENANCE"));
        mutate("updateAssetLimits", "UpdateAssetLimitsInput", Map.of("id", pv, "limits", power(0, 2.5)));
        b = clock.instant();

        clock.advance(Duration.ofMinutes(1));
        mutate("moveAsset", "MoveAssetInput", Map.of("id", pv, "newParentId", s2));
        mutate("changeAssetStatus", "ChangeAssetStatusInput", Map.of("id", bat, "status", "ONLINE"));
        c = clock.instant();
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void atTheFirstInstantBothDevicesAreAvailableAndTheSiteClipsThemAtItsGridLimit() {
        Map<String, Object> fleet = asOf(a);
        assertCapacity(fleet, "installed", 2, 3.5, -2.0, 2.8, 1.2, 1.0);
        assertCapacity(fleet, "available", 2, 3.0, -2.0, 2.8, 1.2, 1.0);
        assertThat(node(fleet, pv).get("parentId")).isEqualTo(s1);
        assertThat(cap(node(fleet, s1), "available", "maxPowerMw")).isCloseTo(3.0, within(1e-9));
        assertThat(cap(node(fleet, s2), "installed", "deviceCount")).isZero();
    }

    @Test
    void atTheSecondInstantTheBatteryInMaintenanceIsInstalledButNotAvailable() {
        Map<String, Object> fleet = asOf(b);
        assertCapacity(fleet, "installed", 2, 4.5, -2.0, 2.8, 2.0, -1.0);
        assertCapacity(fleet, "available", 1, 2.5, 0.0, 0.0, 0.0, 0.0);
        assertThat(node(fleet, bat).get("status")).isEqualTo("MAINTENANCE");
        assertThat(node(fleet, pv).get("parentId")).isEqualTo(s1);
    }

    @Test
    void atTheThirdInstantThePvHasMovedAndTheBatteryIsBack() {
        Map<String, Object> fleet = asOf(c);
        assertCapacity(fleet, "installed", 2, 4.5, -2.0, 2.8, 2.0, -1.0);
        assertCapacity(fleet, "available", 2, 4.5, -2.0, 2.8, 2.0, -1.0);
        assertThat(node(fleet, pv).get("parentId")).isEqualTo(s2);
        assertThat(node(fleet, pv).get("depth")).isEqualTo(2);
        assertThat(cap(node(fleet, s2), "available", "maxPowerMw")).isCloseTo(2.5, within(1e-9));
        assertThat(cap(node(fleet, s1), "available", "maxPowerMw")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theStateAsOfNowIsTheLiveViewAndARootNotYetRegisteredHasNone() {
        Map<String, Object> rebuilt = asOf(clock.instant());
        Map<String, Object> live = GraphQl.value(auditor.ok(FLEET_AS_OF, vars("root", p, "asOf", null)), "fleet");
        assertThat(rebuilt).isEqualTo(live);
        assertThat(GraphQl.<Object>value(auditor.ok(FLEET_AS_OF, vars("root", p, "asOf", before.toString())), "fleet")).isNull();
        assertThat(GraphQl.<Object>value(auditor.ok(FLEET_AS_OF, vars("root", s2, "asOf", a.toString())), "fleet.root.id")).isEqualTo(s2);
    }

    @Test
    void anInstantFromYearZeroOrInTheFutureIsRefusedNamingAsOf() {
        for (String bad : List.of("0000-01-01T00:00:00Z", clock.instant().plus(Duration.ofDays(1)).toString())) {
            ClientGraphQlResponse r = auditor.run(FLEET_AS_OF, vars("root", p, "asOf", bad));
            assertThat(r.getErrors()).as(bad).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("asOf"));
        }
    }

    private Map<String, Object> asOf(Instant instant) {
        return GraphQl.value(auditor.ok(FLEET_AS_OF, vars("root", p, "asOf", instant.toString())), "fleet");
    }

    private static void assertCapacity(Map<String, Object> fleet, String which, int devices, double max, double min,
                                       double energy, double stored, double current) {
        assertThat(cap(fleet, which, "deviceCount")).as(which + " devices").isEqualTo(devices);
        assertThat(cap(fleet, which, "maxPowerMw")).as(which + " max").isCloseTo(max, within(1e-9));
        assertThat(cap(fleet, which, "minPowerMw")).as(which + " min").isCloseTo(min, within(1e-9));
        assertThat(cap(fleet, which, "energyCapacityMwh")).as(which + " energy").isCloseTo(energy, within(1e-9));
        assertThat(cap(fleet, which, "storedEnergyMwh")).as(which + " stored").isCloseTo(stored, within(1e-9));
        assertThat(cap(fleet, which, "currentPowerMw")).as(which + " current").isCloseTo(current, within(1e-9));
    }

    private void mutate(String field, String inputType, Map<String, Object> input) {
        ClientGraphQlResponse r = operator.run("mutation($i: " + inputType + "!) { " + field + "(input: $i) { status errors { field message } } }",
                vars("i", input));
        assertThat(r.getErrors()).isEmpty();
        assertThat(GraphQl.<String>value(r, field + ".status")).as(field).isEqualTo("APPLIED");
    }

    private static void ingestOk(Fleet fleet, Map<String, Object> reading) {
        ClientGraphQlResponse r = fleet.ingest(List.of(reading));
        assertThat(r.getErrors()).isEmpty();
        assertThat(GraphQl.<Integer>value(r, "ingestTelemetry.stored")).isEqualTo(1);
    }
}
