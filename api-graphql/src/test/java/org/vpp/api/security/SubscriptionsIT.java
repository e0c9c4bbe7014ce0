package org.vpp.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.GraphQlSocket;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.sagas.bidding.BiddingMarket;

/**
 * Subscriptions over WebSocket (graphql-transport-ws), as a dashboard would use them: each delivers what a change made
 * through GraphQL did, each is authorized like its query, and floods, stalled readers and missing tokens are refused
 * or contained while the server keeps answering.
 */
class SubscriptionsIT extends ApiIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    BiddingMarket market;
    @Autowired
    SubscriptionLimits limits;

    private String site;
    private String battery;
    private Fleet operator;

    @BeforeEach
    void aSiteWithABattery() {
        operator = new Fleet(graphQl(Role.OPERATOR));
        site = id("site");
        battery = id("bat");
        operator.registerOk(Fleet.group(id("pf"), "PORTFOLIO", "Portfolio", null, null));
        operator.registerOk(Fleet.group(site, "SITE", "Site", id("pf"), 5.0));
        operator.registerOk(Fleet.device(battery, "BATTERY", site, Fleet.battery(-2, 2, 4, 0.1, 0.9, 0.1)));
    }

    private static int count(Map<String, Object> data, String path) {
        Object node = data;
        for (String key : path.split("\\.")) node = ((Map<?, ?>) node).get(key);
        return ((Number) node).intValue();
    }

    @Test
    void fleetCapacityAndAnAssetsTelemetryArriveAfterChangesMadeThroughGraphQl() {
        try (GraphQlSocket socket = GraphQlSocket.connect(port, token(Role.VIEWER))) {
            String capacity = socket.subscribe("subscription { fleetCapacity(rootId: \"" + site + "\", everySeconds: 1) "
                    + "{ installed { deviceCount maxPowerMw } available { currentPowerMw } } }");
            socket.next(capacity, d -> count(d, "fleetCapacity.installed.deviceCount") == 1, "the site as it is");

            operator.registerOk(Fleet.device(id("bat2"), "BATTERY", site, Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1)));
            socket.next(capacity, d -> count(d, "fleetCapacity.installed.deviceCount") == 2, "the site with its second battery");

            String telemetry = socket.subscribe("subscription { assetTelemetry(assetId: \"" + battery + "\") { at powerMw soc } }");
            operator.ingest(List.of(Fleet.reading(battery, clock.instant(), 0.7, 0.55, true)));
            Map<String, Object> reading = socket.next(telemetry, d -> d.get("assetTelemetry") != null, "the battery's reading");
            assertThat((Map<String, Object>) reading.get("assetTelemetry")).containsEntry("powerMw", 0.7).containsEntry("soc", 0.55);
            // The reading moves the site's current power too.
            socket.next(capacity, d -> ((Number) ((Map<?, ?>) ((Map<?, ?>) d.get("fleetCapacity")).get("available"))
                    .get("currentPowerMw")).doubleValue() == 0.7, "the site's power after the reading");
        }
    }

    @Test
    void aBidIsFollowedFromItsOpeningThroughItsScheduleToItsCancellation() {
        LocalDate day = market.firstOpenDay(clock.instant());
        BidId id = BidId.of("PL", day);
        Instant t0 = clock.instant();
        var ours = market.open(day, t0);
        commands.sendAndWait(new OpenBiddingCycle(id, t0, ours.deliveryStart(), ours.deliveryEnd(), ours.slotLength(),
                ours.gateClosure()));
        eventually(() -> GraphQl.<Object>value(graphQl(Role.VIEWER).ok("{ bid(id: \"" + id.value() + "\") { id } }"), "bid"),
                b -> b != null, "the opened bid in the read model");
        try (GraphQlSocket socket = GraphQlSocket.connect(port, token(Role.VIEWER))) {
            String one = socket.subscribe("subscription { bidStatus(id: \"" + id.value() + "\") { id status abortReason } }");
            String all = socket.subscribe("subscription { bidStatus { id status } }");
            String schedules = socket.subscribe("subscription { scheduleReady { id status schedule { score expectedRevenueEur } } }");
            socket.next(one, d -> "OPEN".equals(((Map<?, ?>) d.get("bidStatus")).get("status")), "the open bid now");

            List<Instant> starts = market.rules().slotStarts(day);
            commands.sendAndWait(new RecordBidInputs(id, t0.plusSeconds(60), ContentReference.of("fleet-snapshot/" + id, "a".repeat(64)), 1,
                    new ForecastReference(new ForecastId("price:DE-LU@" + t0), "seasonal-naive", "b".repeat(64), true),
                    ContentReference.of("device-forecasts/" + id, "c".repeat(64)),
                    starts.stream().map(s -> new SlotFlexibility(s, Megawatts.of(1), Megawatts.of(1))).toList()));
            commands.sendAndWait(new RecordSchedule(id, t0.plusSeconds(120), ContentReference.of("schedule/" + id, "d".repeat(64)),
                    starts.stream().map(s -> new PlannedSlot(s, Megawatts.ZERO)).toList(), "0hard/12soft", 12.0, null,
                    new SolverSettings("timefold+lp", Duration.ofSeconds(4), 42L, Map.of())));
            Map<String, Object> ready = socket.next(schedules, d -> id.value().equals(((Map<?, ?>) d.get("scheduleReady")).get("id")),
                    "the schedule of " + id);
            assertThat((Map<String, Object>) ((Map<String, Object>) ready.get("scheduleReady")).get("schedule"))
                    .containsEntry("score", "0hard/12soft");

            clock.advance(Duration.ofMinutes(5));
            var cancelled = graphQl(Role.TRADER).ok("mutation { cancelBiddingCycle(input: {id: \"" + id.value()
                    + "\", reason: \"not today\"}) { status errors { field message } } }");
            assertThat(GraphQl.<String>value(cancelled, "cancelBiddingCycle.status")).as("%s", GraphQl.<Object>value(cancelled,
                    "cancelBiddingCycle.errors")).isIn("APPLIED", "PENDING");
            socket.next(one, d -> "ABORTED".equals(((Map<?, ?>) d.get("bidStatus")).get("status")), "the cancellation");
            socket.next(all, d -> id.value().equals(((Map<?, ?>) d.get("bidStatus")).get("id"))
                    && "ABORTED".equals(((Map<?, ?>) d.get("bidStatus")).get("status")), "the cancellation among all bids");
        }
    }

    @Test
    void aManualDispatchIsFollowedToItsEnd() {
        operator.ingest(List.of(Fleet.reading(battery, clock.instant(), 0.0, 0.5, true)));
        long quarter = Duration.ofMinutes(15).toSeconds();
        Instant next = Instant.ofEpochSecond((clock.instant().getEpochSecond() / quarter + 1) * quarter);
        var requested = graphQl(Role.OPERATOR).ok("mutation { requestDispatch(input: {nodeId: \"" + site + "\", powerMw: 1, start: \""
                + next + "\", end: \"" + next.plus(Duration.ofHours(1)) + "\", reason: \"test\"}) { dispatch { id } errors { field message } } }");
        String dispatch = GraphQl.value(requested, "requestDispatch.dispatch.id");
        try (GraphQlSocket socket = GraphQlSocket.connect(port, token(Role.VIEWER))) {
            String progress = socket.subscribe("subscription { dispatchProgress(id: \"" + dispatch + "\") { id status slotsMeasured } }");
            socket.next(progress, d -> d.get("dispatchProgress") != null, "the dispatch as it stands");
            clock.advance(Duration.ofMinutes(1));
            var cancelled = graphQl(Role.OPERATOR).ok("mutation { cancelDispatch(input: {id: \"" + dispatch
                    + "\", reason: \"done\"}) { status errors { field message } } }");
            // The cancel itself first: a refused one would otherwise show only as a subscription that never ends.
            assertThat(GraphQl.<List<?>>value(cancelled, "cancelDispatch.errors")).as("the cancel's errors").isEmpty();
            assertThat(GraphQl.<String>value(cancelled, "cancelDispatch.status")).isIn("APPLIED", "PENDING");
            socket.next(progress, d -> List.of("COMPLETED", "SETTLED").contains(((Map<?, ?>) d.get("dispatchProgress")).get("status")),
                    "the cancelled dispatch's end");
        }
    }

    @Test
    void aConnectionWithoutAValidTokenIsClosedAndARoleWithoutReadsIsRefusedNamingTheField() {
        // Closed unacknowledged: 4401 Unauthorized (or 1006 when the server's close outruns its close frame).
        try (GraphQlSocket anonymous = GraphQlSocket.open(port, null, false)) {
            assertThat(anonymous.awaitClosed()).isIn(4401, 1006);
            assertThat(anonymous.received()).noneMatch(m -> "connection_ack".equals(m.get("type")));
        }
        try (GraphQlSocket forged = GraphQlSocket.open(port, token(Role.VIEWER) + "x", false)) {
            assertThat(forged.awaitClosed()).isIn(4401, 1006);
            assertThat(forged.received()).noneMatch(m -> "connection_ack".equals(m.get("type")));
        }
        try (GraphQlSocket device = GraphQlSocket.connect(port, deviceToken("meter-" + run, battery))) {
            String id = device.subscribe("subscription { fleetCapacity { installed { deviceCount } } }");
            assertThat(device.errors(id)).first().satisfies(e -> assertThat((String) e.get("message"))
                    .contains("Subscription.fleetCapacity needs the role VIEWER"));
            String bad = device.subscribe("subscription { assetTelemetry(assetId: \"" + battery + "\", everySeconds: 0) { at } }");
            assertThat(device.errors(bad)).isNotEmpty();
        }
        try (GraphQlSocket viewer = GraphQlSocket.connect(port, token(Role.VIEWER))) {
            String unknown = viewer.subscribe("subscription { fleetCapacity(rootId: \"nowhere-" + run + "\") { installed { deviceCount } } }");
            assertThat(viewer.errors(unknown)).first().satisfies(e -> assertThat((String) e.get("message")).contains("rootId"));
            String often = viewer.subscribe("subscription { assetTelemetry(assetId: \"" + battery + "\", everySeconds: 0) { at } }");
            assertThat(viewer.errors(often)).first().satisfies(e -> assertThat((String) e.get("message")).contains("everySeconds"));
        }
    }

    @Test
    void aFloodOfSubscriptionsFromOneClientIsCappedAndTheServerKeepsAnswering() {
        String viewer = token(Role.VIEWER);
        try (GraphQlSocket socket = GraphQlSocket.connect(port, viewer)) {
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ids.add(socket.subscribe("subscription { assetTelemetry(assetId: \"" + battery + "\", everySeconds: 60) { at } }"));
            }
            for (String id : ids.subList(20, 25)) {
                assertThat(socket.errors(id)).first().satisfies(e -> assertThat((String) e.get("message"))
                        .contains("at most 20 subscriptions").contains("max-subscriptions-per-connection"));
            }
            eventually(() -> limits.active("viewer-" + run), n -> n == 20, "twenty live subscriptions");
            // A query right after, over HTTP, from the same principal.
            assertThat(GraphQl.<Object>value(graphQl(Role.VIEWER).ok("{ asset(id: \"" + site + "\") { id } }"), "asset.id")).isEqualTo(site);
        }
        eventually(() -> limits.active("viewer-" + run), n -> n == 0, "the closed connection's subscriptions released");
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpWritesOrReads() {
        String viewer = token(Role.VIEWER);
        try (GraphQlSocket stalled = GraphQlSocket.connect(port, viewer, true)) {
            String id = stalled.subscribe("subscription { fleetCapacity(rootId: \"" + site + "\", everySeconds: 1) { installed { deviceCount } } }");
            stalled.next(id, d -> true, "the one message the stalled client reads");
            // Changes keep coming while it reads nothing: each write and read is answered as usual.
            Instant at = clock.instant().minusSeconds(300);
            for (int i = 0; i < 30; i++) {
                var answer = operator.ingest(List.of(Fleet.reading(battery, at.plusSeconds(i), 0.01 * i, 0.5, true)));
                assertThat(GraphQl.<Object>value(answer, "ingestTelemetry.stored")).isEqualTo(1);
            }
            for (int i = 0; i < 5; i++) operator.registerOk(Fleet.device(id("extra-" + i), "BATTERY", site, Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1)));
            eventually(() -> GraphQl.<Integer>value(graphQl(Role.VIEWER).ok("{ fleet(rootId: \"" + site + "\") { installed { deviceCount } } }"),
                    "fleet.installed.deviceCount"), n -> n == 6, "the fleet read while the client stalls");
            assertThat(stalled.received()).filteredOn(m -> "next".equals(m.get("type"))).hasSize(1);
            assertThat(limits.active("viewer-" + run)).as("one stream held for it, no more").isEqualTo(1);
        }
        eventually(() -> limits.active("viewer-" + run), n -> n == 0, "the stalled client's subscription released on close");
    }
}
