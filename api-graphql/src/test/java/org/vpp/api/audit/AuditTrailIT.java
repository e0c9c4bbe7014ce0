package org.vpp.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.security.ApiTokens;
import org.vpp.api.security.Role;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * An asset changed through GraphQL by two operators, Alice and Bob, a minute apart on the test clock, and its audit
 * trail read back by an auditor from the event store: exactly those changes, in order, each with its author.
 */
class AuditTrailIT extends ApiIT {

    static final String TRAIL = """
            query($id: ID!, $filter: AuditFilter, $first: Int, $after: String) {
              auditTrail(aggregateId: $id, filter: $filter, first: $first, after: $after) {
                aggregateId aggregateType totalEvents
                edges { cursor node { sequenceNumber eventId timestamp type payload payloadRevision author authorRole correlationId traceId } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }""";

    private GraphQl alice, bob, auditor;
    private String site, bat, aliceName, bobName;
    private java.time.Instant start;

    private GraphQl operator(String subject) {
        return new GraphQl(port, tokens.issue(new ApiTokens.Request(subject, Role.OPERATOR, null, null), "tests").token());
    }

    @BeforeEach
    void aliceAndBobChangeABattery() {
        aliceName = "alice-" + run;
        bobName = "bob-" + run;
        alice = operator(aliceName);
        bob = operator(bobName);
        auditor = graphQl(Role.AUDITOR);
        site = id("site");
        bat = id("bat");
        start = clock.instant();
        new Fleet(alice).registerOk(group(site, "PORTFOLIO", "Portfolio", null, null));
        clock.advance(Duration.ofMinutes(1));
        new Fleet(alice).registerOk(device(bat, "BATTERY", site, battery(-1, 1, 2, 0.1, 0.9, 0.2)));
        clock.advance(Duration.ofMinutes(1));
        ok(bob.run("mutation($i: RenameAssetInput!) { renameAsset(input: $i) { status errors { field } } }",
                vars("i", Map.of("id", bat, "name", "Basement battery"))), "renameAsset");
        clock.advance(Duration.ofMinutes(1));
        ok(alice.run("mutation($i: UpdateAssetLimitsInput!) { updateAssetLimits(input: $i) { status errors { field } } }",
                vars("i", Map.of("id", bat, "limits", battery(-1.5, 1.5, 2, 0.1, 0.9, 0.2)))), "updateAssetLimits");
        clock.advance(Duration.ofMinutes(1));
        ok(bob.run("mutation($i: ChangeAssetStatusInput!) { changeAssetStatus(input: $i) { status errors { field } } }",
                vars("i", Map.of("id", bat, "status", "MAINTENANCE", "reason", "inverter swap"))), "changeAssetStatus");
    }

    @Test
    void theTrailOfAnAssetListsExactlyTheChangesOfTwoOperatorsWithTheirAuthors() {
        Map<String, Object> trail = trail(bat, null, null, null);
        assertThat(trail).containsEntry("aggregateId", bat).containsEntry("aggregateType", "Asset").containsEntry("totalEvents", 4);
        List<Map<String, Object>> events = nodes(trail);
        assertThat(events).extracting(e -> e.get("type"))
                .containsExactly("AssetRegistered", "AssetRenamed", "AssetLimitsUpdated", "AssetStatusChanged");
        assertThat(events).extracting(e -> e.get("author")).containsExactly(aliceName, bobName, aliceName, bobName);
        assertThat(events).extracting(e -> e.get("authorRole")).containsOnly("OPERATOR");
        assertThat(events).extracting(e -> e.get("sequenceNumber")).containsExactly(0, 1, 2, 3);
        assertThat(events).extracting(e -> e.get("timestamp")).containsExactly(
                at(1), at(2), at(3), at(4));
        assertThat(payload(events.get(1))).containsEntry("assetId", Map.of("value", bat)).containsEntry("to", "Basement battery");
        assertThat(events.get(1)).containsEntry("payloadRevision", "2");
        assertThat(limits(events.get(2))).containsEntry("minPowerMw", -1.5).containsEntry("maxPowerMw", 1.5);
        assertThat(payload(events.get(3))).containsEntry("from", "ONLINE").containsEntry("to", "MAINTENANCE")
                .containsEntry("reason", "inverter swap");
        assertThat(events).allSatisfy(e -> assertThat(e.get("correlationId")).isNotNull());
        assertThat(nodes(trail(site, null, null, null))).extracting(e -> e.get("author")).containsExactly(aliceName);
    }

    @Test
    void theTrailIsPagedByCursorAndFilteredByTypeAndTime() {
        Map<String, Object> first = trail(bat, null, 3, null);
        assertThat(nodes(first)).extracting(e -> e.get("sequenceNumber")).containsExactly(0, 1, 2);
        assertThat(pageInfo(first)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
        Map<String, Object> second = trail(bat, null, 3, (String) pageInfo(first).get("endCursor"));
        assertThat(nodes(second)).extracting(e -> e.get("sequenceNumber")).containsExactly(3);
        assertThat(pageInfo(second)).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true);

        assertThat(nodes(trail(bat, Map.of("eventTypes", List.of("AssetRenamed", "AssetStatusChanged")), null, null)))
                .extracting(e -> e.get("author")).containsExactly(bobName, bobName);
        // from is inclusive, to exclusive: the events at minutes 2 and 3
        assertThat(nodes(trail(bat, Map.of("from", at(2), "to", at(4)), null, null)))
                .extracting(e -> e.get("type")).containsExactly("AssetRenamed", "AssetLimitsUpdated");
        // a filter that matches only the last event still pages past the others
        Map<String, Object> last = trail(bat, Map.of("eventTypes", List.of("AssetStatusChanged")), 1, null);
        assertThat(nodes(last)).extracting(e -> e.get("sequenceNumber")).containsExactly(3);
        assertThat(pageInfo(last)).containsEntry("hasNextPage", false);
    }

    @Test
    void anUnknownIdHasAnEmptyTrail() {
        Map<String, Object> trail = trail(id("nothing"), null, null, null);
        assertThat(trail).containsEntry("totalEvents", 0).containsEntry("aggregateType", null);
        assertThat(nodes(trail)).isEmpty();
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        ClientGraphQlResponse viewer = graphQl(Role.VIEWER).run(TRAIL, vars("id", bat));
        assertThat(viewer.getErrors()).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
        ClientGraphQlResponse operator = alice.run(TRAIL, vars("id", bat));
        assertThat(operator.getErrors()).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
        assertThat(nodes(GraphQl.value(graphQl(Role.ADMIN).ok(TRAIL, vars("id", bat)), "auditTrail"))).hasSize(4);
    }

    @Test
    void badArgumentsAreRefusedNamingTheArgument() {
        assertRefused(vars("id", "bad id\u0007"), "aggregateId");
        assertRefused(vars("id", bat, "first", 0), "first");
        assertRefused(vars("id", bat, "first", 501), "first");
        assertRefused(vars("id", bat, "after", "not-a-cursor"), "after");
        assertRefused(vars("id", bat, "after", (String) pageInfo(trail(site, null, 1, null)).get("endCursor")), "after");
        assertRefused(vars("id", bat, "filter", Map.of("from", "0000-01-01T00:00:00Z")), "filter.from");
        assertRefused(vars("id", bat, "filter", Map.of("to", "+99999-01-01T00:00:00Z")), "filter.to");
        assertRefused(vars("id", bat, "filter", Map.of("from", at(3), "to", at(2))), "filter.to");
        assertRefused(vars("id", bat, "filter", Map.of("eventTypes", List.of("AssetRenamed", "drop table"))), "filter.eventTypes[1]");
    }

    private void assertRefused(Map<String, Object> variables, String field) {
        ClientGraphQlResponse r = auditor.run(TRAIL, variables);
        assertThat(r.getErrors()).as("refusal of %s", field).isNotEmpty();
        assertThat(r.getErrors().get(0).getMessage()).as("error %s", r.getErrors()).contains(field);
    }

    private String at(int minutes) {
        return start.plus(Duration.ofMinutes(minutes)).toString();
    }

    private static void ok(ClientGraphQlResponse response, String field) {
        assertThat(response.getErrors()).isEmpty();
        assertThat(GraphQl.<String>value(response, field + ".status")).isEqualTo("APPLIED");
    }

    private Map<String, Object> trail(String id, Map<String, Object> filter, Integer first, String after) {
        return GraphQl.value(auditor.ok(TRAIL, vars("id", id, "filter", filter, "first", first, "after", after)), "auditTrail");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> trail) {
        return ((List<Map<String, Object>>) trail.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> trail) {
        return (Map<String, Object>) trail.get("pageInfo");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) event.get("payload");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(Map<String, Object> event) {
        return (Map<String, Object>) payload(event).get("limits");
    }
}
