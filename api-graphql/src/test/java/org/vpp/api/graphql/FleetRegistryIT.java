package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.cap;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;
import static org.vpp.api.support.Fleet.node;
import static org.vpp.api.support.Fleet.power;
import static org.vpp.api.support.Fleet.reading;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Registering a tree, moving a node and changing statuses through GraphQL, with the rolled-up capacities checked
 * against sums computed by hand:
 * <pre>
 * P
 * +-- North
 * |   +-- Site A (grid 3 MW): bat-a (-2..2 MW, 4 MWh, SoC 0.1..0.9, reserve 0.2), pv-a (0..1.5), load-a (-0.8..-0.1)
 * |   +-- Site B:             bat-b (-1..1 MW, 2 MWh, SoC 0..1), gen-b (0.5..2)
 * +-- South
 *     +-- Site C (grid 10 MW): wind-c (0..3)
 * telemetry: bat-a 1.0 MW at SoC 0.5; bat-b -0.5 MW at SoC 0.25; pv-a 1.2 MW
 * </pre>
 */
class FleetRegistryIT extends ApiIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.queryhandling.QueryBus queryBus;

    private Fleet fleet;
    private String p, north, south, siteA, siteB, siteC, batA, pvA, loadA, batB, genB, windC;

    @BeforeEach
    void registerTheTree() {
        fleet = new Fleet(graphQl());
        p = id("p");
        north = id("north");
        south = id("south");
        siteA = id("site-a");
        siteB = id("site-b");
        siteC = id("site-c");
        batA = id("bat-a");
        pvA = id("pv-a");
        loadA = id("load-a");
        batB = id("bat-b");
        genB = id("gen-b");
        windC = id("wind-c");
        fleet.registerOk(group(p, "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(group(north, "REGION", "North", p, null));
        fleet.registerOk(group(south, "REGION", "South", p, null));
        fleet.registerOk(group(siteA, "SITE", "Site A", north, 3.0));
        fleet.registerOk(group(siteB, "SITE", "Site B", north, null));
        fleet.registerOk(group(siteC, "SITE", "Site C", south, 10.0));
        fleet.registerOk(device(batA, "BATTERY", siteA, battery(-2, 2, 4, 0.1, 0.9, 0.2)));
        fleet.registerOk(device(pvA, "PV", siteA, power(0, 1.5)));
        fleet.registerOk(device(loadA, "LOAD", siteA, power(-0.8, -0.1)));
        fleet.registerOk(device(batB, "BATTERY", siteB, battery(-1, 1, 2, 0, 1, 0)));
        fleet.registerOk(device(genB, "GENERATOR", siteB, power(0.5, 2)));
        fleet.registerOk(device(windC, "WIND", siteC, power(0, 3)));
        var now = clock.instant();
        var ingested = fleet.ingest(List.of(
                reading(batA, now, 1.0, 0.5, true),
                reading(batB, now, -0.5, 0.25, true),
                reading(pvA, now, 1.2, null, true)));
        assertThat(GraphQl.list(ingested, "ingestTelemetry.errors")).isEmpty();
    }

    @Test
    void rollsUpInstalledAndAvailableCapacityForEveryNode() {
        Map<String, Object> view = fleet.fleet(p);

        Map<String, Object> a = node(view, siteA);
        assertThat(cap(a, "installed", "maxPowerMw")).isCloseTo(3.4, within(1e-9));        // 2 + 1.5 - 0.1
        assertThat(cap(a, "installed", "minPowerMw")).isCloseTo(-2.8, within(1e-9));       // -2 + 0 - 0.8
        assertThat(cap(a, "available", "maxPowerMw")).isCloseTo(3.0, within(1e-9));        // clipped by the 3 MW grid
        assertThat(cap(a, "available", "minPowerMw")).isCloseTo(-2.8, within(1e-9));       // within -3 MW
        assertThat(cap(a, "installed", "energyCapacityMwh")).isCloseTo(2.8, within(1e-9)); // 4 x (0.9 - 0.2)
        assertThat(cap(a, "available", "storedEnergyMwh")).isCloseTo(1.2, within(1e-9));   // 4 x (0.5 - 0.2)
        assertThat(cap(a, "available", "headroomMwh")).isCloseTo(1.6, within(1e-9));       // 4 x (0.9 - 0.5)
        assertThat(cap(a, "available", "currentPowerMw")).isCloseTo(2.2, within(1e-9));    // 1.0 + 1.2
        assertThat(cap(a, "available", "upwardFlexMw")).isCloseTo(0.8, within(1e-9));      // 3.0 - 2.2
        assertThat(cap(a, "available", "downwardFlexMw")).isCloseTo(5.0, within(1e-9));    // 2.2 + 2.8
        assertThat(cap(a, "available", "devicesWithoutTelemetry")).isEqualTo(1.0);          // load-a

        Map<String, Object> n = node(view, north);
        assertThat(cap(n, "installed", "maxPowerMw")).isCloseTo(6.4, within(1e-9));        // 3.4 + (1 + 2)
        assertThat(cap(n, "installed", "minPowerMw")).isCloseTo(-3.3, within(1e-9));       // -2.8 + (-1 + 0.5)
        assertThat(cap(n, "available", "maxPowerMw")).isCloseTo(6.0, within(1e-9));       // 3.0 (clipped A) + 3
        assertThat(cap(n, "available", "energyCapacityMwh")).isCloseTo(4.8, within(1e-9)); // 2.8 + 2 x (1 - 0)
        assertThat(cap(n, "available", "storedEnergyMwh")).isCloseTo(1.7, within(1e-9));   // 1.2 + 2 x 0.25
        assertThat(cap(n, "available", "headroomMwh")).isCloseTo(3.1, within(1e-9));       // 1.6 + 2 x 0.75
        assertThat(cap(n, "available", "deviceCount")).isEqualTo(5.0);

        Map<String, Object> root = node(view, p);
        assertThat(cap(root, "installed", "maxPowerMw")).isCloseTo(9.4, within(1e-9));     // 6.4 + 3
        assertThat(cap(root, "available", "maxPowerMw")).isCloseTo(9.0, within(1e-9));     // 6.0 + 3
        assertThat(cap(root, "available", "devicesWithoutTelemetry")).isEqualTo(3.0);      // load-a, gen-b, wind-c
        assertThat(((Map<?, ?>) view.get("root")).get("id")).isEqualTo(p);
        assertThat(node(view, windC).get("depth")).isEqualTo(3);
    }

    @Test
    void aNodeInMaintenanceTakesItsWholeSubtreeOutOfAvailableCapacity() {
        GraphQl g = graphQl();
        g.ok("mutation { changeAssetStatus(input: {id: \"" + batA + "\", status: MAINTENANCE, reason: \"inverter swap\"}) { asset { status statusOrigin statusReason } errors { field } } }");
        Map<String, Object> a = node(fleet.fleet(p), siteA);
        assertThat(cap(a, "available", "maxPowerMw")).isCloseTo(1.4, within(1e-9));       // 1.5 - 0.1: battery gone
        assertThat(cap(a, "available", "minPowerMw")).isCloseTo(-0.8, within(1e-9));
        assertThat(cap(a, "available", "storedEnergyMwh")).isCloseTo(0.0, within(1e-9));
        assertThat(cap(a, "installed", "maxPowerMw")).isCloseTo(3.4, within(1e-9));        // installed does not change

        g.ok("mutation { changeAssetStatus(input: {id: \"" + siteC + "\", status: MAINTENANCE}) { errors { field } } }");
        Map<String, Object> south = node(fleet.fleet(p), this.south);
        assertThat(cap(south, "available", "maxPowerMw")).isCloseTo(0.0, within(1e-9));   // wind-c is ONLINE but its site is not
        assertThat(cap(south, "installed", "maxPowerMw")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void movingASiteMovesItsCapacityToTheNewRegion() {
        var moved = graphQl().ok("mutation { moveAsset(input: {id: \"" + siteB + "\", newParentId: \"" + south + "\"}) { asset { parentId version } errors { field } } }");
        assertThat((String) GraphQl.value(moved, "moveAsset.asset.parentId")).isEqualTo(south);
        Map<String, Object> view = fleet.fleet(p);
        assertThat(cap(node(view, north), "installed", "maxPowerMw")).isCloseTo(3.4, within(1e-9));  // site A only
        assertThat(cap(node(view, south), "installed", "maxPowerMw")).isCloseTo(6.0, within(1e-9));  // 3 (C) + 3 (B)
        assertThat(cap(node(view, p), "installed", "maxPowerMw")).isCloseTo(9.4, within(1e-9));      // unchanged total
        assertThat(node(view, batB).get("depth")).isEqualTo(3);
        assertThat(node(view, siteB).get("parentId")).isEqualTo(south);
    }

    @Test
    void renamesUpdatesLimitsAndDecommissionsThroughMutations() {
        GraphQl g = graphQl();
        var renamed = g.ok("mutation { renameAsset(input: {id: \"" + genB + "\", name: \"Diesel 1\"}) { asset { name version } errors { field } } }");
        assertThat((String) GraphQl.value(renamed, "renameAsset.asset.name")).isEqualTo("Diesel 1");
        assertThat((Integer) GraphQl.value(renamed, "renameAsset.asset.version")).isEqualTo(1);

        var updated = g.ok("mutation { updateAssetLimits(input: {id: \"" + genB + "\", limits: {minPowerMw: 0.5, maxPowerMw: 4}}) { asset { limits { maxPowerMw } } errors { field } } }");
        assertThat((Double) GraphQl.value(updated, "updateAssetLimits.asset.limits.maxPowerMw")).isEqualTo(4.0);
        assertThat(cap(node(fleet.fleet(p), siteB), "installed", "maxPowerMw")).isCloseTo(5.0, within(1e-9)); // 1 + 4

        var refused = g.ok("mutation { decommissionAsset(input: {id: \"" + siteB + "\"}) { asset { status } errors { field code message } } }");
        assertThat(GraphQl.list(refused, "decommissionAsset.errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.id").containsEntry("code", "NOT_ALLOWED"));

        var gone = g.ok("mutation { decommissionAsset(input: {id: \"" + genB + "\", reason: \"end of life\"}) { asset { status } errors { field } } }");
        assertThat((String) GraphQl.value(gone, "decommissionAsset.asset.status")).isEqualTo("DECOMMISSIONED");
        assertThat(cap(node(fleet.fleet(p), siteB), "installed", "maxPowerMw")).isCloseTo(1.0, within(1e-9)); // bat-b only

        long events = eventCount();
        var afterwards = g.ok("mutation { renameAsset(input: {id: \"" + genB + "\", name: \"again\"}) { asset { name } errors { field code } } }");
        assertThat(GraphQl.list(afterwards, "renameAsset.errors")).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "DECOMMISSIONED"));
        assertThat((String) GraphQl.value(afterwards, "renameAsset.asset.name")).isEqualTo("Diesel 1");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void pagesAndFiltersAssets() {
        GraphQl g = graphQl();
        String doc = "query($after: String) { assets(filter: {ancestorId: \"" + p + "\", kinds: [BATTERY, PV, WIND, LOAD, GENERATOR]}, first: 4, after: $after) "
                + "{ totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }";
        var first = g.run(doc, java.util.Collections.singletonMap("after", null));
        assertThat((Integer) GraphQl.value(first, "assets.totalCount")).isEqualTo(6);
        assertThat(GraphQl.list(first, "assets.edges")).hasSize(4);
        assertThat((Boolean) GraphQl.value(first, "assets.pageInfo.hasNextPage")).isTrue();
        var second = g.run(doc, Map.of("after", GraphQl.value(first, "assets.pageInfo.endCursor")));
        assertThat(GraphQl.list(second, "assets.edges")).hasSize(2);
        assertThat((Boolean) GraphQl.value(second, "assets.pageInfo.hasNextPage")).isFalse();

        var children = g.ok("{ assets(filter: {parentId: \"" + siteA + "\", statuses: [ONLINE]}) { edges { node { id parent { id } } } } }");
        assertThat(GraphQl.list(children, "assets.edges")).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id"))
                .containsExactlyInAnyOrder(batA, pvA, loadA);

        var tree = g.ok("{ asset(id: \"" + north + "\") { children { totalCount edges { node { id children { totalCount } } } } } }");
        assertThat(GraphQl.list(tree, "asset.children.edges")).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id"))
                .containsExactly(siteA, siteB);
        // A page at a time: the first child, then the rest after its cursor; every parent's children in one query.
        var firstChild = g.ok("{ asset(id: \"" + north + "\") { children(first: 1) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }");
        assertThat(GraphQl.<Integer>value(firstChild, "asset.children.totalCount")).isEqualTo(2);
        assertThat(GraphQl.<Boolean>value(firstChild, "asset.children.pageInfo.hasNextPage")).isTrue();
        String cursor = GraphQl.value(firstChild, "asset.children.pageInfo.endCursor");
        var rest = g.ok("{ asset(id: \"" + north + "\") { children(first: 1, after: \"" + cursor + "\") { edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } } }");
        assertThat(GraphQl.list(rest, "asset.children.edges")).extracting(e -> (Object) ((Map<?, ?>) e.get("node")).get("id")).containsExactly(siteB);
        assertThat(GraphQl.<Boolean>value(rest, "asset.children.pageInfo.hasNextPage")).isFalse();
        assertThat(g.run("{ asset(id: \"" + north + "\") { children(first: 1001) { totalCount } } }").getErrors().getFirst().getMessage())
                .contains("first");

        // A level at a time: the region and its sites, without their devices; a negative depth is refused naming it.
        var levels = g.ok("{ fleet(rootId: \"" + north + "\") { nodes(maxDepth: 1) { id depth } all: nodes { id } } }");
        assertThat(GraphQl.list(levels, "fleet.nodes")).extracting(n -> n.get("id")).containsExactly(north, siteA, siteB);
        assertThat(GraphQl.list(levels, "fleet.all")).hasSizeGreaterThan(3);
        assertThat(g.run("{ fleet { nodes(maxDepth: -1) { id } } }").getErrors().getFirst().getMessage()).startsWith("maxDepth:");

        // No query per parent: the children of every site in the answer come from one query.
        java.util.concurrent.atomic.AtomicInteger childQueries = new java.util.concurrent.atomic.AtomicInteger();
        var counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof org.vpp.messages.fleet.FindChildren) childQueries.incrementAndGet();
            return chain.proceed();
        });
        try {
            var sites = g.ok("{ assets(filter: {parentId: \"" + north + "\"}) { edges { node { id children { totalCount } } } } }");
            assertThat(GraphQl.list(sites, "assets.edges")).extracting(e -> (Object) ((Map<?, ?>) ((Map<?, ?>) e.get("node")).get("children"))
                    .get("totalCount")).hasSize(2).allSatisfy(n -> assertThat((Integer) n).isPositive());
            assertThat(childQueries).as("one query for the children of both sites").hasValue(1);
        } finally {
            counting.cancel();
        }
    }
}
