package org.vpp.api.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vpp.api.support.Fleet.battery;
import static org.vpp.api.support.Fleet.device;
import static org.vpp.api.support.Fleet.group;
import static org.vpp.api.support.Fleet.power;
import static org.vpp.api.support.Fleet.reading;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestClock;
import org.vpp.api.support.TestDatabase;
import org.vpp.messages.bid.BidId;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.dispatch.DispatchSaga;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.port.PriceHistory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Day-ahead bidding through the real application: the opener on the application clock, the saga with its persistent
 * deadlines, the Bid aggregate, the read models, the optimizer and the simulated exchange, on a stepped clock and one
 * database that outlives a restart.
 * <ol>
 *   <li>The first application opens the cycle of the first open day by itself at gate closure minus the lead time,
 *       and a second day by hand; both are fetched (seasonal naive: no forecast was issued), optimized, drafted and
 *       submitted before gate closure. Then it stops, mid-cycle: both bids wait for the market.</li>
 *   <li>A second application on the same database: past the first gate closure the exchange clears the first bid,
 *       which is recorded and closed; the second bid's market never answers, and its market-result deadline,
 *       scheduled by the first application, fires in the second and aborts the cycle.</li>
 * </ol>
 * The events are then checked: one cycle per day, no gap or duplicate in either stream, every deadline gone.
 */
class BiddingCycleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DATABASE = TestDatabase.applicationArguments();
    private static Clock axonClockBefore;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void rememberAxonClock() {
        axonClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreAxonClock() {
        GenericEventMessage.clock = axonClockBefore;
    }

    private static ConfigurableApplicationContext start() {
        return start(DATABASE);
    }

    private static ConfigurableApplicationContext start(List<String> database) {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H", "--vpp.telemetry.offline-after=P10D",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false", "--vpp.processes.enabled=false"));
        return new SpringApplicationBuilder(VppApplication.class, TestClock.Config.class).run(args.toArray(String[]::new));
    }

    @Test
    void aDayIsBidClearedAndClosedAndACycleInterruptedByARestartEndsByItsPersistentDeadline() throws Exception {
        BidId first;
        BidId second;
        Instant stoppedAt;
        try (var app = start()) {
            TestClock clock = app.getBean(TestClock.class);
            BiddingMarket market = app.getBean(BiddingMarket.class);
            LocalDate day = market.firstOpenDay(clock.instant());
            first = market.bidId(day);
            second = market.bidId(day.plusDays(1));
            Instant gate = market.gateClosure(day);
            Instant opening = gate.minus(app.getBean(BiddingProperties.class).leadTime());
            clock.advanceTo(opening);

            GraphQl g = GraphQl.asAdmin(app);
            registerFleetWithHistory(new Fleet(g), clock.instant());

            // The opener, on the application clock: the first open day's cycle, at gate closure minus the lead time.
            app.getBean(ProcessDriver.class).runDue().get();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            awaitEvents(jdbc, first, "BidSubmitted");
            // A second day, by hand through the mutation, so that two cycles are in flight at the restart; a dashboard
            // following bids and schedules sees it go through its steps.
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var tokens = app.getBean(org.vpp.api.security.ApiTokens.class);
            String trader = tokens.issue(new org.vpp.api.security.ApiTokens.Request("trader-1",
                    org.vpp.api.security.Role.TRADER, null, null), "tests").token();
            String viewer = tokens.issue(new org.vpp.api.security.ApiTokens.Request("viewer-1",
                    org.vpp.api.security.Role.VIEWER, null, null), "tests").token();
            try (var dashboard = org.vpp.api.support.GraphQlSocket.connect(port, viewer)) {
                String bids = dashboard.subscribe("subscription { bidStatus { id status } }");
                String schedules = dashboard.subscribe("subscription { scheduleReady { id status schedule { score } } }");
                var started = new GraphQl(port, trader).ok("mutation { startBiddingCycle(input: {deliveryDay: \""
                        + day.plusDays(1) + "\"}) { status bid { id } errors { field message } } }");
                assertThat(GraphQl.<String>value(started, "startBiddingCycle.bid.id")).isEqualTo(second.value());
                awaitEvents(jdbc, second, "BidSubmitted");
                dashboard.next(schedules, d -> second.value().equals(((Map<?, ?>) d.get("scheduleReady")).get("id")),
                        "the second day's schedule as it is prepared");
                dashboard.next(bids, d -> second.value().equals(((Map<?, ?>) d.get("bidStatus")).get("id"))
                        && "SUBMITTED".equals(((Map<?, ?>) d.get("bidStatus")).get("status")), "the second bid submitted");
                // Its statuses arrived in the cycle's order (a reader slower than the steps would get only the latest).
                List<String> order = List.of("OPEN", "INPUTS_FETCHED", "SCHEDULED", "DRAFTED", "SUBMITTED");
                List<Integer> seen = dashboard.received().stream()
                        .filter(m -> bids.equals(m.get("id")) && "next".equals(m.get("type")))
                        .map(m -> (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) m.get("payload")).get("data")).get("bidStatus"))
                        .filter(b -> second.value().equals(b.get("id")))
                        .map(b -> order.indexOf((String) b.get("status"))).toList();
                assertThat(seen).isSorted().contains(order.indexOf("SUBMITTED"));
            }

            List<String> types = types(jdbc, first);
            assertThat(types).containsExactly("BiddingCycleOpened", "BidInputsFetched", "SchedulePrepared", "BidDrafted",
                    "BidSubmitted");
            // Authorship: the opener process opened the cycle, the saga did the rest, all under the opening's trace.
            List<JsonNode> meta = metaData(jdbc, first);
            assertThat(meta.get(0).path("author").asString()).isEqualTo("process:bidding-cycle-opener");
            assertThat(meta.subList(1, meta.size())).allSatisfy(m -> {
                assertThat(m.path("author").asString()).isEqualTo("saga:BiddingCycleSaga");
                assertThat(m.path("authorRole").asString()).isEqualTo("SYSTEM");
            });
            assertThat(meta).extracting(m -> m.path("traceId").asString()).containsOnly(meta.get(0).path("traceId").asString());
            JsonNode inputs = payload(jdbc, first, "BidInputsFetched");
            assertThat(inputs.at("/priceForecast/fallback").asBoolean()).as("no price forecast issued: seasonal naive").isTrue();
            assertThat(inputs.at("/priceForecast/model").asString()).isEqualTo("seasonal-naive");
            assertThat(inputs.at("/deviceCount").asInt()).isEqualTo(3);
            // Large inputs are referenced by hash, and the stored content is what the hash says.
            ContentStore content = app.getBean(ContentStore.class);
            for (String ref : List.of("/fleetSnapshot", "/deviceForecasts")) {
                var reference = org.vpp.messages.bid.ContentReference.of(inputs.at(ref + "/id").asString(),
                        inputs.at(ref + "/sha256").asString());
                assertThat(content.read(reference)).as(ref).isPresent();
            }
            JsonNode snapshot = JSON.readTree(content.read(org.vpp.messages.bid.ContentReference.of(
                    inputs.at("/fleetSnapshot/id").asString(), inputs.at("/fleetSnapshot/sha256").asString())).orElseThrow());
            assertThat(snapshot.at("/devices/0/soc").asDouble()).as("the battery's last reported SoC").isEqualTo(0.6);

            JsonNode schedule = payload(jdbc, first, "SchedulePrepared");
            JsonNode drafted = payload(jdbc, first, "BidDrafted");
            JsonNode submitted = payload(jdbc, first, "BidSubmitted");
            int slots = (int) Duration.between(market.rules().deliveryStart(day), market.rules().deliveryEnd(day))
                    .dividedBy(market.rules().slotLength());
            assertThat(schedule.get("plan")).hasSize(slots);
            assertThat(drafted.get("slots")).hasSize(slots);
            assertThat(schedule.at("/solver/seed").asLong()).isEqualTo(BiddingConfiguration.SOLVER_SEED);
            for (int t = 0; t < slots; t++) {
                assertThat(drafted.at("/slots/" + t + "/quantity/value").asDouble()).as("slot %d bids the plan", t)
                        .isEqualTo(schedule.at("/plan/" + t + "/power/value").asDouble());
                JsonNode flex = inputs.at("/flexibility/" + t);
                double q = drafted.at("/slots/" + t + "/quantity/value").asDouble();
                assertThat(q).as("within the fleet's flexibility, to the aggregate's 1 W").isBetween(
                        -flex.at("/down/value").asDouble() - 1e-6, flex.at("/up/value").asDouble() + 1e-6);
            }
            assertThat(Instant.parse(submitted.get("at").asString())).as("submitted before gate closure").isBefore(gate);

            // The decision as the events recorded it, and computed again from exactly those inputs: the same schedule.
            String auditor = tokens.issue(new org.vpp.api.security.ApiTokens.Request("auditor-1",
                    org.vpp.api.security.Role.AUDITOR, null, null), "tests").token();
            GraphQl audit = new GraphQl(port, auditor);
            Map<String, Object> decision = GraphQl.value(audit.ok("query($id: ID!) { bidDecision(id: $id) {"
                    + " bidId reproducible inputs { deviceCount priceForecast { model fallback } }"
                    + " schedule { score solver { seed parameters { name value } } }"
                    + " prices { start expectedEurPerMwh p10EurPerMwh p90EurPerMwh } deviceForecasts { assetId model fallback }"
                    + " fleet { id kind soc limits { maxPowerMw } } leftOut { id reason }"
                    + " scoreAnalysis { summary perConstraint { constraint hardWh softEur } } } }",
                    Map.of("id", first.value())), "bidDecision");
            assertThat(decision).containsEntry("bidId", first.value()).containsEntry("reproducible", true);
            assertThat((List<?>) decision.get("prices")).hasSize(slots);
            assertThat((List<?>) decision.get("fleet")).hasSize(3);
            assertThat(((Map<?, ?>) ((List<?>) decision.get("fleet")).stream().map(d -> (Map<?, ?>) d)
                    .filter(d -> "BATTERY".equals(d.get("kind"))).findFirst().orElseThrow()).get("soc")).isEqualTo(0.6);
            assertThat(((Map<?, ?>) decision.get("schedule")).get("score")).isEqualTo(schedule.get("score").asString());
            assertThat(decision.get("deviceForecasts").toString()).contains("fallback=true");
            assertThat(((Map<?, ?>) decision.get("scoreAnalysis")).get("perConstraint").toString()).contains("constraint=");
            Map<String, Object> rerun = GraphQl.value(audit.ok("mutation($id: ID!) { rerunSchedule(input: {bidId: $id}) {"
                    + " reproduced maxDeviationMw recordedScore rerunScore differences errors { field message } } }",
                    Map.of("id", first.value())), "rerunSchedule");
            assertThat(rerun).containsEntry("reproduced", true).containsEntry("differences", List.of())
                    .containsEntry("errors", List.of()).containsEntry("rerunScore", schedule.get("score").asString());
            assertThat(((Number) rerun.get("maxDeviationMw")).doubleValue()).isLessThanOrEqualTo(1e-6);
            // Bad or unknown ids are refused naming the field; a VIEWER may read the decision but not re-run it.
            assertThat(audit.run("{ bidDecision(id: \"DE-LU:2026-13-40\u0007\") { bidId } }").getErrors())
                    .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("id").contains("ZONE:YYYY-MM-DD"));
            assertThat(GraphQl.<Object>value(audit.ok("{ bidDecision(id: \"DE-LU:2020-01-01\") { bidId } }"), "bidDecision")).isNull();
            assertThat(GraphQl.<List<Map<String, Object>>>value(audit.ok("mutation { rerunSchedule(input: {bidId: \"no bid\"}) {"
                    + " reproduced errors { field code } } }"), "rerunSchedule.errors"))
                    .containsExactly(Map.of("field", "input.bidId", "code", "INVALID_VALUE"));
            assertThat(GraphQl.<List<Map<String, Object>>>value(audit.ok("mutation { rerunSchedule(input: {bidId: \"DE-LU:2020-01-01\"}) {"
                    + " reproduced errors { field code } } }"), "rerunSchedule.errors"))
                    .containsExactly(Map.of("field", "input.bidId", "code", "NOT_FOUND"));
            assertThat(new GraphQl(port, viewer).run("mutation { rerunSchedule(input: {bidId: \"" + first.value() + "\"}) { reproduced } }")
                    .getErrors()).singleElement().satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
            assertThat(deadlines(jdbc)).as("each bid waits for its market result").isEqualTo(2);
            stoppedAt = clock.instant();
        }

        try (var app = start()) {
            TestClock clock = app.getBean(TestClock.class);
            clock.advanceTo(stoppedAt);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            BiddingMarket market = app.getBean(BiddingMarket.class);
            Instant gate = market.gateClosure(first.deliveryDay());
            clock.advanceTo(gate.plus(Duration.ofMinutes(1)));
            app.getBean(ProcessDriver.class).runDue().get();
            awaitEvents(jdbc, first, "BiddingCycleClosed");

            List<String> types = types(jdbc, first);
            String result = types.get(5);
            assertThat(result).isIn("BidAccepted", "BidPartiallyAccepted", "BidRejected");
            assertThat(types.subList(6, types.size())).containsExactly("BiddingCycleClosed");
            // Every slot cleared as the day's prices and the limit price say.
            JsonNode submitted = payload(jdbc, first, "BidSubmitted");
            JsonNode cleared = payload(jdbc, first, result);
            PriceHistory prices = app.getBean(PriceHistory.class);
            var dayPrices = prices.prices(first.zone(), market.rules().deliveryStart(first.deliveryDay()),
                    market.rules().deliveryEnd(first.deliveryDay()));
            int accepted = 0;
            for (int t = 0; t < submitted.get("slots").size(); t++) {
                double q = submitted.at("/slots/" + t + "/quantity/value").asDouble();
                double limit = submitted.at("/slots/" + t + "/limitPrice/value").asDouble();
                double price = dayPrices.valueAt(t);
                boolean inTheMoney = q > 0 ? limit <= price : q < 0 && limit >= price;
                double expected = inTheMoney ? q : 0;
                if (inTheMoney) accepted++;
                JsonNode clearedMw = cleared.at("/slots/" + t + "/cleared/value");
                assertThat(clearedMw.isNumber()).as("slot %d has a cleared quantity", t).isTrue();
                assertThat(clearedMw.asDouble())
                        .as("slot %d: %s MW at limit %s against %s", t, q, limit, price).isEqualTo(expected);
            }
            assertThat(accepted).as("a sensible bid clears in some slots").isPositive();
            answersOverGraphQlMatchTheEvents(GraphQl.asAdmin(app), jdbc, first, result);

            // The second bid's market never answers: the deadline the first application scheduled fires here.
            assertThat(types(jdbc, second)).last().isEqualTo("BidSubmitted");
            Instant silent = market.gateClosure(second.deliveryDay()).plus(app.getBean(BiddingProperties.class).marketSilenceLimit());
            clock.advanceTo(silent.plus(Duration.ofMinutes(1)));
            awaitEvents(jdbc, second, "BiddingCycleAborted");
            assertThat(payload(jdbc, second, "BiddingCycleAborted").get("reason").asString()).contains("market gave no result");
            // Sent when the saga's deadline fired, after a restart: still the saga's, still the cycle's trace.
            List<JsonNode> secondMeta = metaData(jdbc, second);
            assertThat(secondMeta.get(0).path("author").asString()).as("opened by the trader's mutation").isEqualTo("trader-1");
            assertThat(secondMeta.get(0).path("authorRole").asString()).isEqualTo("TRADER");
            assertThat(secondMeta.getLast().path("author").asString()).isEqualTo("saga:BiddingCycleSaga");
            assertThat(secondMeta.getLast().path("traceId").asString()).isEqualTo(secondMeta.get(0).path("traceId").asString());

            for (BidId bid : List.of(first, second)) {
                List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, bid.value());
                assertThat(sequence).as("no gap and no duplicate in %s", bid)
                        .isEqualTo(java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
                assertThat(types(jdbc, bid)).as("one cycle for %s", bid).filteredOn("BiddingCycleOpened"::equals).hasSize(1);
                assertThat(types(jdbc, bid)).filteredOn("BidSubmitted"::equals).hasSize(1);
            }
            // db-scheduler removes a fired deadline's row after its handler has committed the abort: wait for that.
            Awaitility.await("every deadline of the cycles fired or was cancelled").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> deadlines(jdbc) == 0);
            // What cleared is now a dispatch, which runs on deadlines of its own.
            boolean dispatched = !"BidRejected".equals(types(jdbc, first).get(5));
            assertThat(dispatchSteps(jdbc)).as("the first bid's dispatch waits for its first slot").isEqualTo(dispatched ? 1 : 0);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry WHERE saga_type LIKE '%BiddingCycleSaga'",
                    Integer.class)).as("both cycles' sagas ended").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM saga_entry WHERE saga_type LIKE '%DispatchSaga'",
                    Integer.class)).as("the dispatch's saga runs").isEqualTo(dispatched ? 1 : 0);
        }
    }

    /**
     * An operator cancels a cycle before its saga has acted. The saga still starts on the opening; its first step's
     * command is refused (the cycle is over) and the abort ends it. The refusal must not stall the saga's processor:
     * the next day's cycle runs through.
     */
    @Test
    void aCycleCancelledBeforeItsSagaActsEndsTheSagaAndTheNextDayStillRuns() {
        try (var app = start(TestDatabase.applicationArguments())) {
            TestClock clock = app.getBean(TestClock.class);
            BiddingMarket market = app.getBean(BiddingMarket.class);
            CommandGateway commands = app.getBean(CommandGateway.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            LocalDate day = market.firstOpenDay(clock.instant());
            clock.advanceTo(market.gateClosure(day).minus(Duration.ofHours(8)));
            Fleet fleet = new Fleet(GraphQl.asAdmin(app));
            fleet.registerOk(group("pf-" + run, "PORTFOLIO", "Portfolio", null, null));
            fleet.registerOk(device("bat-" + run, "BATTERY", "pf-" + run, battery(-1, 1, 2, 0.1, 0.9, 0)));

            var processor = app.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                    .eventProcessor("BiddingCycleSagaProcessor").orElseThrow();
            processor.shutDown();
            BidId cancelled = market.bidId(day);
            commands.sendAndWait(market.open(day, clock.instant()));
            commands.sendAndWait(new org.vpp.messages.bid.AbortBiddingCycle(cancelled, clock.instant(), "cancelled by the operator"));
            processor.start();

            BidId next = market.bidId(day.plusDays(1));
            commands.sendAndWait(market.open(day.plusDays(1), clock.instant()));
            awaitEvents(jdbc, next, "BidSubmitted");
            assertThat(types(jdbc, cancelled)).containsExactly("BiddingCycleOpened", "BiddingCycleAborted");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM association_value_entry WHERE association_value = ?",
                    Integer.class, cancelled.value())).as("the cancelled cycle's saga ended").isZero();
        }
    }

    // --- GraphQL against the events ------------------------------------------------------------------------------

    private static final String BID = """
            query($id: ID!) { bid(id: $id) { id status outcome gateClosure submittedAt
              inputs { deviceCount fleetSnapshot { id sha256 } priceForecast { model fallback } }
              schedule { score expectedRevenueEur gapToBound schedule { id sha256 } solver { seed } }
              slots { start plannedMw quantityMw limitPriceEurPerMwh clearedMw clearingPriceEurPerMwh }
              history { sequence type } totals { offeredMwh clearedMwh revenueEur } } }""";
    private static final String SCHEDULE = """
            query($id: ID!) { schedule(bidId: $id) { bidId score gapToBound feasible aggregatedUnits assetCount
              content { id sha256 }
              value { energyRevenueEur degradationCostEur fuelCostEur terminalShortfallCostEur startUpCostEur
                      evShortfallCostEur objectiveEur }
              explanation { perConstraint { constraint hardWh softEur } perSubject(first: 50) { subject } }
              nodes { id kind depth assetCount powerMw } assets { assetId kind powerMw socMwh } } }""";

    @SuppressWarnings("unchecked")
    private static void answersOverGraphQlMatchTheEvents(GraphQl g, JdbcTemplate jdbc, BidId bid, String result) {
        // The read model follows the events: wait until it shows the close.
        Map<String, Object> view = Awaitility.await("the read model shows " + bid + " closed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> answer(g, BID, bid, "bid"), v -> "CLOSED".equals(v.get("status")));
        assertThat(view.get("outcome")).isEqualTo(switch (result) {
            case "BidAccepted" -> "ACCEPTED";
            case "BidPartiallyAccepted" -> "PARTIALLY_ACCEPTED";
            default -> "REJECTED";
        });
        List<Map<String, Object>> history = (List<Map<String, Object>>) view.get("history");
        assertThat(history.stream().map(h -> (String) h.get("type")).toList()).as("the history is the event stream")
                .isEqualTo(types(jdbc, bid));
        JsonNode inputs = payload(jdbc, bid, "BidInputsFetched");
        assertThat(((Map<String, Object>) ((Map<String, Object>) view.get("inputs")).get("fleetSnapshot")).get("sha256"))
                .isEqualTo(inputs.at("/fleetSnapshot/sha256").asString());
        JsonNode prepared = payload(jdbc, bid, "SchedulePrepared");
        JsonNode submitted = payload(jdbc, bid, "BidSubmitted");
        JsonNode cleared = payload(jdbc, bid, result);
        List<Map<String, Object>> slots = (List<Map<String, Object>>) view.get("slots");
        assertThat(slots).hasSize(submitted.get("slots").size());
        for (int t = 0; t < slots.size(); t++) {
            Map<String, Object> slot = slots.get(t);
            assertThat(slot.get("start")).isEqualTo(submitted.at("/slots/" + t + "/start").asString());
            assertThat(number(slot, "quantityMw")).isEqualTo(submitted.at("/slots/" + t + "/quantity/value").asDouble());
            assertThat(number(slot, "limitPriceEurPerMwh")).isEqualTo(submitted.at("/slots/" + t + "/limitPrice/value").asDouble());
            assertThat(number(slot, "plannedMw")).isEqualTo(prepared.at("/plan/" + t + "/power/value").asDouble());
            assertThat(number(slot, "clearedMw")).isEqualTo(cleared.at("/slots/" + t + "/cleared/value").asDouble());
            assertThat(number(slot, "clearingPriceEurPerMwh")).isEqualTo(cleared.at("/slots/" + t + "/clearingPrice/value").asDouble());
        }

        Map<String, Object> schedule = answer(g, SCHEDULE, bid, "schedule");
        Map<String, Object> content = (Map<String, Object>) schedule.get("content");
        assertThat(content.get("sha256")).isEqualTo(prepared.at("/schedule/sha256").asString());
        assertThat(schedule.get("score")).isEqualTo(prepared.get("score").asString());
        assertThat(number((Map<String, Object>) schedule.get("value"), "energyRevenueEur"))
                .isEqualTo(prepared.get("expectedRevenueEur").asDouble());
        Map<String, Object> value = (Map<String, Object>) schedule.get("value");
        assertThat(number(value, "objectiveEur")).as("the value's parts add up").isCloseTo(number(value, "energyRevenueEur")
                - number(value, "degradationCostEur") - number(value, "fuelCostEur")
                - number(value, "terminalShortfallCostEur") - number(value, "startUpCostEur")
                - number(value, "evShortfallCostEur"), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(schedule.get("feasible")).isEqualTo(true);
        assertThat(schedule.get("assetCount")).isEqualTo(3);
        assertThat((List<?>) ((Map<String, Object>) schedule.get("explanation")).get("perConstraint")).isNotEmpty();
        // The site's plan is the sum of its devices', and the whole fleet's is the plan the bid was priced from.
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) schedule.get("nodes");
        List<Map<String, Object>> assets = (List<Map<String, Object>>) schedule.get("assets");
        Map<String, Object> site = nodes.stream().filter(n -> "SITE".equals(n.get("kind"))).findFirst().orElseThrow();
        assertThat(site.get("assetCount")).isEqualTo(3);
        List<Number> sitePower = (List<Number>) site.get("powerMw");
        for (int t = 0; t < sitePower.size(); t++) {
            final int slot = t;
            double sum = assets.stream().mapToDouble(a -> ((List<Number>) a.get("powerMw")).get(slot).doubleValue()).sum();
            assertThat(sitePower.get(t).doubleValue()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(sitePower.get(t).doubleValue()).as("slot %d of the plan", t)
                    .isCloseTo(prepared.at("/plan/" + t + "/power/value").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        }
        Map<String, Object> battery = assets.stream().filter(a -> "BATTERY".equals(a.get("kind"))).findFirst().orElseThrow();
        assertThat((List<?>) battery.get("socMwh")).hasSize(sitePower.size());
    }

    private static Map<String, Object> answer(GraphQl g, String document, BidId bid, String field) {
        var response = g.run(document, Map.of("id", bid.value()));
        assertThat(response.getErrors()).isEmpty();
        return GraphQl.value(response, field);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    // --- the fleet ----------------------------------------------------------------------------------------------

    /** A site with a battery, a PV plant and a load, and two days of quarter-hour meter history up to {@code now}. */
    private void registerFleetWithHistory(Fleet fleet, Instant now) {
        String portfolio = "pf-" + run, site = "site-" + run;
        String bat = "bat-" + run, pv = "pv-" + run, load = "load-" + run;
        fleet.registerOk(group(portfolio, "PORTFOLIO", "Portfolio", null, null));
        fleet.registerOk(group(site, "SITE", "Site", portfolio, 6.0));
        fleet.registerOk(device(bat, "BATTERY", site, battery(-2, 2, 4, 0.1, 0.9, 0.1)));
        fleet.registerOk(device(pv, "PV", site, power(0, 1.5)));
        fleet.registerOk(device(load, "LOAD", site, power(-0.8, -0.1)));
        Duration step = Duration.ofMinutes(15);
        Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<Map<String, Object>> readings = new ArrayList<>();
        for (Instant t = end.minus(Duration.ofDays(2)); !t.isAfter(end); t = t.plus(step)) {
            double hour = t.atZone(java.time.ZoneOffset.UTC).getHour() + t.atZone(java.time.ZoneOffset.UTC).getMinute() / 60.0;
            double sun = Math.max(0, Math.sin(Math.PI * (hour - 4) / 16));
            readings.add(reading(pv, t, 1.4 * sun, null, true));
            readings.add(reading(load, t, -(0.3 + 0.2 * Math.sin(Math.PI * hour / 12) * Math.sin(Math.PI * hour / 12)), null, true));
            readings.add(reading(bat, t, 0.0, 0.6, true));
            if (readings.size() >= 300) {
                ingest(fleet, readings);
                readings.clear();
            }
        }
        ingest(fleet, readings);
    }

    private static void ingest(Fleet fleet, List<Map<String, Object>> readings) {
        var r = fleet.ingest(readings);
        assertThat(r.getErrors()).isEmpty();
        assertThat(GraphQl.list(r, "ingestTelemetry.errors")).isEmpty();
    }

    // --- the event store ----------------------------------------------------------------------------------------

    private static void awaitEvents(JdbcTemplate jdbc, BidId bid, String type) {
        Awaitility.await(bid + " records " + type).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> types(jdbc, bid).contains(type));
    }

    private static List<String> types(JdbcTemplate jdbc, BidId bid) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number", String.class, bid.value()).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private static List<JsonNode> metaData(JdbcTemplate jdbc, BidId bid) {
        return jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                byte[].class, bid.value()).stream().map(b -> JSON.readTree(new String(b, StandardCharsets.UTF_8))).toList();
    }

    private static JsonNode payload(JdbcTemplate jdbc, BidId bid, String type) {
        byte[] bytes = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ? ORDER BY sequence_number DESC LIMIT 1", byte[].class, bid.value(), "%." + type);
        return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The bidding cycles' deadlines (a dispatch's steps are deadlines too, counted apart). */
    private static long deadlines(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(?::bytea in task_data) = 0",
                Long.class, DispatchSaga.STEP_DEADLINE);
        return n == null ? 0 : n;
    }

    private static long dispatchSteps(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(?::bytea in task_data) > 0",
                Long.class, DispatchSaga.STEP_DEADLINE);
        return n == null ? 0 : n;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
