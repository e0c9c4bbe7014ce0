package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * The manual dispatch mutations over GraphQL: a request is allocated and planned, and every bad input is refused
 * naming its field with nothing planned; a manual dispatch is cancelled, a market one cannot be.
 * <p>
 * The fleet: a site with a 2 MW / 4 MWh battery at half charge, reporting at the clock's instant.
 */
class DispatchMutationsIT extends ApiIT {

    private static final String REQUEST = """
            mutation($input: RequestDispatchInput!) {
              requestDispatch(input: $input) {
                status requestedMw totalMw unmetMw allocations { assetId powerMw headroomMw marginalCostEurPerMwh }
                dispatch { id kind status nodeId requestedMw unmetMw allocations { assetId powerMw } }
                errors { field code message }
              }
            }""";
    private static final String CANCEL = """
            mutation($input: CancelDispatchInput!) {
              cancelDispatch(input: $input) { status dispatch { id status cancelReason } errors { field code message } }
            }""";

    private String site;
    private String battery;
    private Instant nextSlot;

    @BeforeEach
    void setUp() {
        Fleet fleet = new Fleet(graphQl());
        String portfolio = id("pf");
        site = id("site");
        battery = id("bat");
        fleet.registerOk(Fleet.group(portfolio, "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(Fleet.group(site, "SITE", "Site", portfolio, 5.0));
        fleet.registerOk(Fleet.device(battery, "BATTERY", site, Fleet.battery(-2, 2, 4, 0.1, 0.9, 0.1)));
        assertThat(GraphQl.<Object>value(fleet.ingest(List.of(Fleet.reading(battery, clock.instant(), 0.0, 0.5, true))),
                "ingestTelemetry.stored")).isEqualTo(1);
        long quarter = Duration.ofMinutes(15).toSeconds();
        nextSlot = Instant.ofEpochSecond((clock.instant().getEpochSecond() / quarter + 1) * quarter);
    }

    @Test
    void aRequestIsAllocatedToTheBatteryAndPlannedAsAManualDispatchThenCancelled() {
        // 1.5 MW for an hour: the battery holds (0.5 - 0.1) x 4 = 1.6 MWh above its floor, so 1.5 MW fits (1.5 MWh).
        Map<String, Object> answer = request(site, 1.5, nextSlot, nextSlot.plus(Duration.ofHours(1)), "balancing call");
        assertThat(answer.get("status")).as("%s", answer).isEqualTo("APPLIED");
        assertThat(((Number) answer.get("totalMw")).doubleValue()).isCloseTo(1.5, within(1e-9));
        assertThat(((Number) answer.get("unmetMw")).doubleValue()).isCloseTo(0, within(1e-9));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) answer.get("allocations");
        assertThat(allocations).singleElement().satisfies(a -> {
            assertThat(a.get("assetId")).isEqualTo(battery);
            assertThat(((Number) a.get("powerMw")).doubleValue()).isCloseTo(1.5, within(1e-9));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> dispatch = (Map<String, Object>) answer.get("dispatch");
        assertThat(dispatch).containsEntry("kind", "MANUAL").containsEntry("status", "PLANNED").containsEntry("nodeId", site);
        String id = (String) dispatch.get("id");

        Map<String, Object> refused = cancel(id, "stop\u0007");
        assertThat(refused.get("status")).isEqualTo("REFUSED");
        assertThat(errorField(refused)).isEqualTo("input.reason");

        java.time.Instant beforeCancel = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> cancelled = cancel(id, "frequency restored");
        assertThat(cancelled.get("status")).as("%s", cancelled).isIn("APPLIED", "PENDING");
        eventually(() -> GraphQl.<String>value(graphQl().ok("{ dispatch(id: \"" + id + "\") { status } }"), "dispatch.status"),
                s -> "COMPLETED".equals(s) || "SETTLED".equals(s), "the cancelled dispatch, with no slot run, completes");
        Map<String, Object> again = cancel(id, "twice");
        assertThat(again.get("status")).isEqualTo("REFUSED");

        // As of before the cancellation, the dispatch was under way (planned, or running if its first slot had been
        // sent), as its events had made it then; as of now, it is the live view.
        String asOf = "query($id: ID!, $t: DateTime) { dispatch(id: $id, asOf: $t) { status cancelReason version allocations { assetId powerMw } } }";
        Map<String, Object> underWay = GraphQl.value(graphQl().ok(asOf, Map.of("id", id, "t", beforeCancel.toString())), "dispatch");
        assertThat(underWay.get("status")).isIn("PLANNED", "RUNNING");
        assertThat(underWay).containsEntry("cancelReason", null);
        assertThat(underWay.get("allocations").toString()).contains(battery);
        Map<String, Object> now = GraphQl.value(graphQl().ok(asOf, Map.of("id", id, "t", clock.instant().toString())), "dispatch");
        assertThat(now).isEqualTo(GraphQl.value(graphQl().ok(
                "query($id: ID!) { dispatch(id: $id) { status cancelReason version allocations { assetId powerMw } } }", Map.of("id", id)), "dispatch"));
        assertThat(now.get("cancelReason")).isEqualTo("frequency restored");
    }

    @Test
    void moreThanTheAssetsCanGiveIsAllocatedAsFarAsTheyGoAndTheRestIsUnmet() {
        // 5 MW asked: the battery's inverter gives 2 MW, 3 MW are unmet.
        Map<String, Object> answer = request(site, 5, nextSlot, nextSlot.plus(Duration.ofMinutes(30)), null);
        assertThat(answer.get("status")).as("%s", answer).isEqualTo("APPLIED");
        assertThat(((Number) answer.get("totalMw")).doubleValue()).isCloseTo(2, within(1e-9));
        assertThat(((Number) answer.get("unmetMw")).doubleValue()).isCloseTo(3, within(1e-9));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndPlanNothing() {
        long before = dispatchEvents();
        Instant end = nextSlot.plus(Duration.ofHours(1));
        record Case(String nodeId, double powerMw, Instant start, Instant end, String reason, String field) {
        }
        List<Case> cases = List.of(
                new Case(site, 1, nextSlot.plusSeconds(60), end, null, "input.start"),          // off the slot grid
                new Case(site, 1, Instant.parse("0000-01-01T00:00:00Z"), end, null, "input.start"), // year 0
                new Case(site, 1, nextSlot.plus(Duration.ofDays(30)), nextSlot.plus(Duration.ofDays(31)), null, "input.start"),
                new Case(site, 1, nextSlot, nextSlot, null, "input.end"),                         // empty window
                new Case(site, 1, nextSlot, nextSlot.plus(Duration.ofDays(8)), null, "input.end"), // longer than a week
                new Case(site, 0, nextSlot, end, null, "input.powerMw"),
                new Case(site, 1e9, nextSlot, end, null, "input.powerMw"),                        // absurd but finite
                new Case(site, 1, nextSlot, end, "call\u0000", "input.reason"),                  // a control character
                new Case(battery, 1, nextSlot, end, null, "input.nodeId"),                       // a device, not a group
                new Case(id("nowhere"), 1, nextSlot, end, null, "input.nodeId"));
        for (Case c : cases) {
            Map<String, Object> answer = request(c.nodeId(), c.powerMw(), c.start(), c.end(), c.reason());
            assertThat(answer.get("status")).as("%s", c).isEqualTo("REFUSED");
            assertThat(errorField(answer)).as("%s: %s", c, answer).isEqualTo(c.field());
            assertThat(answer.get("dispatch")).isNull();
        }
        assertThat(dispatchEvents()).as("nothing planned").isEqualTo(before);
    }

    @Test
    void aMarketDispatchCannotBeCancelledAndAnUnknownOneIsNotFound() {
        Map<String, Object> unknown = cancel("market:DE-LU:2026-06-16", "no");
        assertThat(errorField(unknown)).isEqualTo("input.id");
        Map<String, Object> malformed = cancel("not a dispatch", "no");
        assertThat(errorField(malformed)).isEqualTo("input.id");
    }

    private Map<String, Object> request(String nodeId, double powerMw, Instant start, Instant end, String reason) {
        Map<String, Object> input = new java.util.LinkedHashMap<>(Map.of("nodeId", nodeId, "powerMw", powerMw,
                "start", start.toString(), "end", end.toString()));
        if (reason != null) input.put("reason", reason);
        return GraphQl.value(graphQl().run(REQUEST, Map.of("input", input)), "requestDispatch");
    }

    private Map<String, Object> cancel(String id, String reason) {
        return GraphQl.value(graphQl().run(CANCEL, Map.of("input", Map.of("id", id, "reason", reason))), "cancelDispatch");
    }

    @SuppressWarnings("unchecked")
    private static String errorField(Map<String, Object> payload) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
        assertThat(errors).as("%s", payload).hasSize(1);
        return (String) errors.getFirst().get("field");
    }

    private long dispatchEvents() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.DispatchPlanned'", Long.class);
        return n == null ? 0 : n;
    }
}
