package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.GraphQl;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.AbortBiddingCycle;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidSlot;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.bid.CloseBiddingCycle;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.bid.DraftBid;
import org.vpp.messages.bid.ForecastReference;
import org.vpp.messages.bid.OpenBiddingCycle;
import org.vpp.messages.bid.PlannedSlot;
import org.vpp.messages.bid.RecordBidInputs;
import org.vpp.messages.bid.RecordMarketResult;
import org.vpp.messages.bid.RecordSchedule;
import org.vpp.messages.bid.SlotFlexibility;
import org.vpp.messages.bid.SolverSettings;
import org.vpp.messages.bid.SubmitBid;
import org.vpp.messages.forecast.ForecastId;
import org.vpp.query.bid.BidProjection;
import org.vpp.sagas.bidding.BiddingMarket;

/**
 * Bidding cycles through GraphQL: started and cancelled by mutation, driven through their steps by commands, read
 * back with {@code bid} and {@code bids}. Bid ids are zone and day, not per test, so each test takes days of its
 * own, counted from the first delivery day whose gate is open at the test clock's instant (2026-06-17 at the
 * default start, 2026-06-15T17:36Z; its gate closes 2026-06-16T10:00Z).
 */
class BidsIT extends ApiIT {

    static final String BID = """
            fragment bid on Bid {
              id zone deliveryDay status outcome openedAt gateClosure deliveryStart deliveryEnd slotLength
              inputs { fetchedAt deviceCount fleetSnapshot { id sha256 } deviceForecasts { id sha256 }
                       priceForecast { forecastId model sha256 fallback } }
              schedule { preparedAt schedule { id sha256 } score expectedRevenueEur gapToBound
                         solver { solver timeBudget seed parameters { name value } } }
              pricingRule draftedAt submittedAt resultReceivedAt closedAt abortedAt abortReason
              slots { start flexibilityUpMw flexibilityDownMw plannedMw quantityMw limitPriceEurPerMwh clearedMw clearingPriceEurPerMwh }
              history { sequence type at detail }
              totals { offeredMwh clearedMwh revenueEur }
              updatedAt version
            }""";
    static final String START = """
            mutation($input: StartBiddingCycleInput!) {
              startBiddingCycle(input: $input) { status version bid { ...bid } errors { field code message } }
            }""" + BID;
    static final String CANCEL = """
            mutation($input: CancelBiddingCycleInput!) {
              cancelBiddingCycle(input: $input) { status version bid { ...bid } errors { field code message } }
            }""" + BID;
    static final String FIND = "query($id: ID!) { bid(id: $id) { ...bid } }" + BID;
    static final String LIST = """
            query($day: Date, $status: BidStatus, $first: Int, $after: String) {
              bids(deliveryDay: $day, status: $status, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id deliveryDay status } }
              }
            }""";
    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);
    static final String HASH_C = "c".repeat(64);
    static final String HASH_D = "d".repeat(64);

    @Autowired
    CommandGateway commands;
    @Autowired
    BiddingMarket market;
    @Autowired
    EventProcessingConfiguration processing;

    private GraphQl g;
    /** The first delivery day whose gate is still open now. */
    private LocalDate firstOpen;

    @BeforeEach
    void setUp() {
        g = graphQl();
        firstOpen = market.firstOpenDay(clock.instant());
    }

    // --- the mutations ----------------------------------------------------------------------------------------------

    @Test
    void startingTheFirstOpenDayOpensItsCycleAndShowsItAtOnce() {
        LocalDate day = firstOpen;
        Map<String, Object> payload = start(Map.of("zone", market.zone(), "deliveryDay", day.toString()));

        assertThat(payload).containsEntry("status", "APPLIED").containsEntry("version", 0);
        assertThat(errors(payload)).isEmpty();
        Map<String, Object> bid = map(payload, "bid");
        assertThat(bid).containsEntry("id", market.zone() + ":" + day).containsEntry("zone", market.zone())
                .containsEntry("deliveryDay", day.toString()).containsEntry("status", "OPEN")
                .containsEntry("openedAt", clock.instant().toString())
                .containsEntry("gateClosure", market.gateClosure(day).toString())
                .containsEntry("slotLength", "PT15M").containsEntry("version", 0);
        assertThat(list(bid, "slots")).hasSize(market.rules().slotStarts(day).size());
        assertThat(list(bid, "history")).singleElement().satisfies(h -> assertThat(h).containsEntry("type", "BiddingCycleOpened"));
        // read-your-writes: the query right after the mutation sees the cycle
        assertThat(find(market.bidId(day).value())).isNotNull().containsEntry("status", "OPEN");
    }

    @Test
    void aSecondStartOfTheSameDayIsRefusedAsADuplicateAndChangesNothing() {
        LocalDate day = firstOpen.plusDays(2);
        assertThat(start(Map.of("deliveryDay", day.toString()))).containsEntry("status", "APPLIED");
        long events = eventCount();

        Map<String, Object> again = start(Map.of("deliveryDay", day.toString()));

        assertThat(again).containsEntry("status", "REFUSED").containsEntry("version", 0);
        assertThat(errors(again)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "input.deliveryDay").containsEntry("code", "DUPLICATE");
            assertThat((String) e.get("message")).contains("already exists").contains(market.bidId(day).value());
        });
        assertThat(map(again, "bid")).containsEntry("id", market.bidId(day).value());
        assertThat(eventCount()).as("events recorded").isEqualTo(events);
    }

    @Test
    void aDayWhoseGateHasClosedIsRefusedNamingDeliveryDay() {
        LocalDate closed = firstOpen.minusDays(1);
        long events = eventCount();

        Map<String, Object> payload = start(Map.of("deliveryDay", closed.toString()));

        assertThat(payload).containsEntry("status", "REFUSED");
        assertThat(errors(payload)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "input.deliveryDay").containsEntry("code", "NOT_ALLOWED");
            assertThat((String) e.get("message")).contains("closed at " + market.gateClosure(closed))
                    .contains("first day still open is " + firstOpen);
        });
        assertThat(eventCount()).isEqualTo(events);
        assertThat(find(market.bidId(closed).value())).isNull();
    }

    @Test
    void aDayTooFarAheadOrFromYearZeroIsRefusedNamingDeliveryDay() {
        long events = eventCount();
        for (String day : List.of(firstOpen.plusDays(BiddingMarket.MAX_DAYS_AHEAD + 1).toString(), "9999-12-31", "0000-01-01")) {
            Map<String, Object> payload = start(Map.of("deliveryDay", day));
            assertThat(payload).as(day).containsEntry("status", "REFUSED");
            assertThat(errors(payload)).as(day).singleElement().satisfies(e ->
                    assertThat(e).containsEntry("field", "input.deliveryDay").containsEntry("code", "NOT_ALLOWED"));
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherZoneIsRefusedNamingZone() {
        LocalDate day = firstOpen.plusDays(3);
        long events = eventCount();

        Map<String, Object> payload = start(Map.of("zone", "FR", "deliveryDay", day.toString()));

        assertThat(payload).containsEntry("status", "REFUSED");
        assertThat(errors(payload)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "input.zone").containsEntry("code", "INVALID_VALUE");
            assertThat((String) e.get("message")).contains(market.zone()).contains("FR");
        });
        assertThat(eventCount()).isEqualTo(events);
        assertThat(find("FR:" + day)).isNull();
        assertThat(find(market.bidId(day).value())).isNull();
    }

    @Test
    void aDateThatDoesNotExistIsAnErrorNamingIt() {
        long events = eventCount();
        var inVariables = g.run(START, Map.of("input", Map.of("deliveryDay", "2026-02-30")));
        assertThat(inVariables.getErrors()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("'input'").contains("Date must be ISO-8601").contains("2026-02-30"));
        var inline = g.run("mutation { startBiddingCycle(input: {deliveryDay: \"2026-02-30\"}) { status } }");
        assertThat(inline.getErrors()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("deliveryDay").contains("2026-02-30"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void cancellingAbortsTheCycleAndAControlCharacterInTheReasonChangesNothing() {
        LocalDate day = firstOpen.plusDays(4);
        String id = market.bidId(day).value();
        assertThat(start(Map.of("deliveryDay", day.toString()))).containsEntry("status", "APPLIED");
        long events = eventCount();
        Map<String, Object> before = find(id);

        Map<String, Object> refused = cancel(id, "feed\u0007down");

        assertThat(refused).containsEntry("status", "REFUSED");
        assertThat(errors(refused)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "input.reason").containsEntry("code", "INVALID_VALUE");
            assertThat((String) e.get("message")).contains("control characters").contains("U+0007");
        });
        assertThat(eventCount()).as("events recorded").isEqualTo(events);
        assertThat(find(id)).as("read model").isEqualTo(before);

        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> cancelled = cancel(id, "price feed down since 17:00");

        assertThat(cancelled).containsEntry("status", "APPLIED").containsEntry("version", 1);
        Map<String, Object> bid = map(cancelled, "bid");
        assertThat(bid).containsEntry("status", "ABORTED").containsEntry("abortReason", "price feed down since 17:00")
                .containsEntry("abortedAt", clock.instant().toString());
        assertThat(list(bid, "history")).extracting(h -> h.get("type")).containsExactly("BiddingCycleOpened", "BiddingCycleAborted");
        assertThat(list(bid, "history").getLast()).containsEntry("detail", "price feed down since 17:00")
                .containsEntry("at", clock.instant().toString());

        // An ended cycle takes no second cancel; an unknown or malformed id is refused before anything is sent.
        assertThat(errors(cancel(id, "again"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.id").containsEntry("code", "NOT_ALLOWED"));
        assertThat(errors(cancel(market.zone() + ":2099-01-01", "x"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.id").containsEntry("code", "NOT_FOUND"));
        assertThat(errors(cancel("not a bid", "x"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "input.id").containsEntry("code", "INVALID_VALUE"));
    }

    // --- a whole cycle, through the Bid's commands -------------------------------------------------------------------

    /**
     * A quarter-hourly day of 96 slots; the fleet can move 5 MW up and 3 MW down in each. The plan and the draft sell
     * 2 MW (limit 50 EUR/MWh) in every slot but each fourth (i % 4 == 3), where they buy 1.5 MW (limit 30). A first
     * draft offering 7 MW in slot 0 is refused; a second submission is refused. The market clears every slot in full,
     * sales at 61 and purchases at 25 EUR/MWh, except slot 10 where 0.5 MW clears at 50. By hand:
     * offered (72 x 2 + 24 x 1.5) x 0.25 h = 45 MWh; cleared (71 x 2 + 0.5 + 24 x 1.5) x 0.25 = 44.625 MWh;
     * revenue 71 x 0.5 MWh x 61 + 0.125 x 50 - 24 x 0.375 x 25 = 2165.5 + 6.25 - 225 = 1946.75 EUR. A replay of the
     * projection from the first event then rebuilds the same view.
     */
    /** Found in the demo: a schedule whose LP bound is not positive records no gap, and the projection must take it. */
    @Test
    void aScheduleWithoutAnLpBoundShowsNoGapAndTheBidsLaterStepsStillShow() {
        LocalDate day = firstOpen.plusDays(9);
        BidId id = market.bidId(day);
        List<Instant> starts = market.rules().slotStarts(day);
        Instant t0 = clock.instant();
        commands.sendAndWait(market.open(day, t0));
        commands.sendAndWait(new RecordBidInputs(id, at(t0, 1), ContentReference.of("fleet-snapshot/" + id, HASH_A), 3,
                new ForecastReference(new ForecastId("price:DE-LU@" + t0), "seasonal-naive", HASH_B, true),
                ContentReference.of("device-forecasts/" + id, HASH_C),
                perSlot(starts, i -> new SlotFlexibility(starts.get(i), Megawatts.of(1), Megawatts.of(1)))));
        commands.sendAndWait(new RecordSchedule(id, at(t0, 2), ContentReference.of("schedule/" + id, HASH_D),
                perSlot(starts, i -> new PlannedSlot(starts.get(i), Megawatts.ZERO)), "0hard/0soft", 0.0, null,
                new SolverSettings("timefold+lp", Duration.ofSeconds(4), 42L, Map.of())));
        commands.sendAndWait(new DraftBid(id, at(t0, 3), perSlot(starts, i -> new BidSlot(starts.get(i), Megawatts.ZERO,
                EurPerMwh.of(50))), "nothing to offer"));

        Map<String, Object> bid = eventually(() -> find(id.value()), b -> b != null && "DRAFTED".equals(b.get("status")),
                "the draft after a schedule without a bound");
        assertThat(map(bid, "schedule")).containsEntry("gapToBound", null);
        assertThat(list(bid, "history")).extracting(h -> h.get("detail")).anySatisfy(d -> assertThat((String) d).contains("no bound"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'bids'", Long.class))
                .as("nothing parked").isZero();
    }

    @Test
    void aWholeCycleShowsSlotsResultsHistoryAndTotals() {
        LocalDate day = firstOpen.plusDays(5);
        while (market.rules().slotStarts(day).size() != 96) day = day.plusDays(1); // not a daylight-saving change
        BidId id = market.bidId(day);
        List<Instant> starts = market.rules().slotStarts(day);
        IntFunction<Double> quantity = i -> i % 4 == 3 ? -1.5 : 2.0;
        Instant t0 = clock.instant();

        commands.sendAndWait(market.open(day, t0));
        commands.sendAndWait(new RecordBidInputs(id, at(t0, 1), ContentReference.of("fleet-snapshot/" + id, HASH_A), 40,
                new ForecastReference(new ForecastId("price:DE-LU@" + t0), "seasonal-naive-weekly", HASH_B, true),
                ContentReference.of("device-forecasts/" + id, HASH_C),
                perSlot(starts, i -> new SlotFlexibility(starts.get(i), Megawatts.of(5), Megawatts.of(3)))));
        commands.sendAndWait(new RecordSchedule(id, at(t0, 2), ContentReference.of("schedule/" + id, HASH_D),
                perSlot(starts, i -> new PlannedSlot(starts.get(i), Megawatts.of(quantity.apply(i)))), "0hard/-12soft",
                1_840.5, 0.012, new SolverSettings("timefold", Duration.ofSeconds(30), 5_000_000_000L, Map.of("moveThreadCount", "1"))));
        List<BidSlot> offer = perSlot(starts, i -> new BidSlot(starts.get(i), Megawatts.of(quantity.apply(i)),
                EurPerMwh.of(quantity.apply(i) > 0 ? 50 : 30)));
        List<BidSlot> tooMuch = new ArrayList<>(offer);
        tooMuch.set(0, new BidSlot(starts.get(0), Megawatts.of(7), EurPerMwh.of(50)));
        commands.sendAndWait(new DraftBid(id, at(t0, 3), tooMuch, "first try"));
        commands.sendAndWait(new DraftBid(id, at(t0, 4), offer, "forecast-with-uncertainty-margin(k=0.5)"));
        commands.sendAndWait(new SubmitBid(id, at(t0, 5)));
        commands.sendAndWait(new SubmitBid(id, at(t0, 6)));
        commands.sendAndWait(new RecordMarketResult(id, at(t0, 7), perSlot(starts, i -> i == 10
                ? new ClearedSlot(starts.get(i), Megawatts.of(0.5), EurPerMwh.of(50))
                : new ClearedSlot(starts.get(i), Megawatts.of(quantity.apply(i)), EurPerMwh.of(quantity.apply(i) > 0 ? 61 : 25)))));
        commands.sendAndWait(new CloseBiddingCycle(id, at(t0, 8)));

        Map<String, Object> bid = eventually(() -> find(id.value()), b -> b != null && "CLOSED".equals(b.get("status")),
                "the read model shows the closed cycle");

        assertThat(bid).containsEntry("outcome", "PARTIALLY_ACCEPTED").containsEntry("version", 8)
                .containsEntry("deliveryDay", day.toString()).containsEntry("gateClosure", market.gateClosure(day).toString())
                .containsEntry("deliveryStart", starts.getFirst().toString())
                .containsEntry("openedAt", t0.toString()).containsEntry("draftedAt", at(t0, 4).toString())
                .containsEntry("submittedAt", at(t0, 5).toString()).containsEntry("resultReceivedAt", at(t0, 7).toString())
                .containsEntry("closedAt", at(t0, 8).toString()).containsEntry("abortReason", null)
                .containsEntry("pricingRule", "forecast-with-uncertainty-margin(k=0.5)");
        assertThat(map(bid, "inputs")).containsEntry("deviceCount", 40).containsEntry("fetchedAt", at(t0, 1).toString())
                .containsEntry("fleetSnapshot", Map.of("id", "fleet-snapshot/" + id, "sha256", HASH_A))
                .containsEntry("deviceForecasts", Map.of("id", "device-forecasts/" + id, "sha256", HASH_C))
                .containsEntry("priceForecast", Map.of("forecastId", "price:DE-LU@" + t0, "model", "seasonal-naive-weekly",
                        "sha256", HASH_B, "fallback", true));
        Map<String, Object> schedule = map(bid, "schedule");
        assertThat(schedule).containsEntry("score", "0hard/-12soft").containsEntry("expectedRevenueEur", 1840.5)
                .containsEntry("gapToBound", 0.012).containsEntry("schedule", Map.of("id", "schedule/" + id, "sha256", HASH_D));
        assertThat(map(schedule, "solver")).containsEntry("solver", "timefold").containsEntry("timeBudget", "PT30S")
                .containsEntry("seed", "5000000000")
                .containsEntry("parameters", List.of(Map.of("name", "moveThreadCount", "value", "1")));

        List<Map<String, Object>> slots = list(bid, "slots");
        assertThat(slots).hasSize(96);
        assertThat(slots.get(0)).containsEntry("start", starts.get(0).toString()).containsEntry("flexibilityUpMw", 5.0)
                .containsEntry("flexibilityDownMw", 3.0).containsEntry("plannedMw", 2.0)
                .containsEntry("quantityMw", 2.0).containsEntry("limitPriceEurPerMwh", 50.0) // the accepted draft, not the refused
                .containsEntry("clearedMw", 2.0).containsEntry("clearingPriceEurPerMwh", 61.0);
        assertThat(slots.get(3)).containsEntry("plannedMw", -1.5).containsEntry("quantityMw", -1.5)
                .containsEntry("limitPriceEurPerMwh", 30.0).containsEntry("clearedMw", -1.5).containsEntry("clearingPriceEurPerMwh", 25.0);
        assertThat(slots.get(10)).containsEntry("quantityMw", 2.0).containsEntry("clearedMw", 0.5).containsEntry("clearingPriceEurPerMwh", 50.0);

        List<Map<String, Object>> history = list(bid, "history");
        assertThat(history).extracting(h -> h.get("type")).containsExactly("BiddingCycleOpened", "BidInputsFetched",
                "SchedulePrepared", "BidDraftRefused", "BidDrafted", "BidSubmitted", "BidSubmissionRefused",
                "BidPartiallyAccepted", "BiddingCycleClosed");
        assertThat(history).extracting(h -> h.get("sequence")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(history).extracting(h -> h.get("at")).containsExactly(t0.toString(), at(t0, 1).toString(),
                at(t0, 2).toString(), at(t0, 3).toString(), at(t0, 4).toString(), at(t0, 5).toString(),
                at(t0, 6).toString(), at(t0, 7).toString(), at(t0, 8).toString());
        assertThat((String) history.get(1).get("detail")).contains("fallback");
        assertThat((String) history.get(3).get("detail")).contains("1 slot goes beyond").contains("7.0 MW asked, 5.0 MW available");
        assertThat((String) history.get(6).get("detail")).startsWith("ALREADY_SUBMITTED");
        assertThat((String) history.get(7).get("detail")).isEqualTo("a quantity cleared in 96 of 96 slots");
        assertThat((String) history.get(8).get("detail")).contains("PARTIALLY_ACCEPTED");

        Map<String, Object> totals = map(bid, "totals");
        assertThat((Double) totals.get("offeredMwh")).isCloseTo(45.0, within(1e-9));
        assertThat((Double) totals.get("clearedMwh")).isCloseTo(44.625, within(1e-9));
        assertThat((Double) totals.get("revenueEur")).isCloseTo(1946.75, within(1e-6));

        // Rebuilt from the events alone, the read model shows the same bid.
        StreamingEventProcessor bids = processing.eventProcessor(BidProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        bids.shutDown();
        bids.resetTokens();
        bids.start();
        eventually(() -> find(id.value()), bid::equals, "the replayed read model shows the same bid");
    }

    // --- listing ------------------------------------------------------------------------------------------------------

    /** Three zones on one day, one zone the day after; two of the first day's cycles are aborted. */
    @Test
    void bidsAreListedNewestDayFirstFilteredByDayAndStatusAndPaginated() {
        LocalDate day = firstOpen.plusDays(10);
        LocalDate next = day.plusDays(1);
        Instant now = clock.instant();
        for (String zone : List.of("FR", "AT", market.zone())) open(zone, day, now);
        open("AT", next, now);
        commands.sendAndWait(new AbortBiddingCycle(BidId.of("FR", day), now, "test: not bidding in FR"));
        commands.sendAndWait(new AbortBiddingCycle(BidId.of("AT", day), now, "test: not bidding in AT"));
        eventually(() -> page(day, "ABORTED", 10, null), p -> ((Number) p.get("totalCount")).intValue() == 2,
                "both aborts in the read model");
        eventually(() -> page(next, null, 10, null), p -> ((Number) p.get("totalCount")).intValue() == 1,
                "the next day's cycle in the read model");

        // one day, two pages of two, by id
        Map<String, Object> first = page(day, null, 2, null);
        assertThat(first).containsEntry("totalCount", 3);
        assertThat(ids(first)).containsExactly("AT:" + day, market.zone() + ":" + day);
        assertThat(map(first, "pageInfo")).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
        Map<String, Object> second = page(day, null, 2, (String) map(first, "pageInfo").get("endCursor"));
        assertThat(ids(second)).containsExactly("FR:" + day);
        assertThat(map(second, "pageInfo")).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true);

        // by status
        assertThat(ids(page(day, "ABORTED", 10, null))).containsExactly("AT:" + day, "FR:" + day);
        assertThat(ids(page(day, "OPEN", 10, null))).doesNotContain("AT:" + day, "FR:" + day);
        assertThat(page(day, "CLOSED", 10, null)).containsEntry("totalCount", 0);

        // unfiltered, page by page: newest day first, and every page continues where the last ended
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        Map<String, Object> p;
        do {
            p = page(null, null, 2, after);
            all.addAll(nodes(p));
            after = (String) map(p, "pageInfo").get("endCursor");
        } while ((Boolean) map(p, "pageInfo").get("hasNextPage"));
        assertThat(all).hasSize(((Number) p.get("totalCount")).intValue());
        List<String> listed = all.stream().map(n -> (String) n.get("id")).toList();
        assertThat(listed).doesNotHaveDuplicates()
                .containsSubsequence("AT:" + next, "AT:" + day, market.zone() + ":" + day, "FR:" + day);
        List<String> days = all.stream().map(n -> (String) n.get("deliveryDay")).toList();
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void badListArgumentsAndOversizedQueriesAreRefusedNamingWhy() {
        var tooMany = g.run("{ bids(first: 101) { totalCount } }");
        assertThat(tooMany.getErrors().getFirst().getMessage()).startsWith("first:");
        var badCursor = g.run("{ bids(after: \"nonsense\") { totalCount } }");
        assertThat(badCursor.getErrors().getFirst().getMessage()).startsWith("after:");
        var badId = g.run("{ bid(id: \"DE-LU:2026-13-01\") { id } }");
        assertThat(badId.getErrors().getFirst().getMessage()).startsWith("id:");
        // slots count 100 apiece: a full page of bids with their slots is more than the complexity limit allows (a
        // viewer's: an auditor's or admin's wider bound lets it through)
        var huge = graphQl(org.vpp.api.security.Role.VIEWER).run("{ bids(first: 100) { edges { node { slots { start quantityMw limitPriceEurPerMwh clearedMw"
                + " clearingPriceEurPerMwh plannedMw } } } } }");
        assertThat(huge.getErrors()).isNotEmpty();
        assertThat(huge.getErrors().getFirst().getMessage()).contains("complexity");
        assertThat(g.run("{ bids(first: 20) { edges { node { slots { start quantityMw } } } } }").getErrors()).isEmpty();
    }

    @Test
    void aBidAsOfThreeInstantsIsTheBidAsItsEventsHadMadeItThen() {
        LocalDate day = firstOpen.plusDays(12);
        while (market.rules().slotStarts(day).size() != 96) day = day.plusDays(1);
        BidId id = market.bidId(day);
        List<Instant> starts = market.rules().slotStarts(day);
        Instant before = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Instant opened = clock.instant();
        commands.sendAndWait(market.open(day, opened));
        clock.advance(Duration.ofMinutes(1));
        Instant fetched = clock.instant();
        commands.sendAndWait(new RecordBidInputs(id, fetched, ContentReference.of("fleet-snapshot/" + id, HASH_A), 12,
                new ForecastReference(new ForecastId("price:DE-LU@" + fetched), "seasonal-naive", HASH_B, true),
                ContentReference.of("device-forecasts/" + id, HASH_C),
                perSlot(starts, i -> new SlotFlexibility(starts.get(i), Megawatts.of(5), Megawatts.of(3)))));
        clock.advance(Duration.ofMinutes(1));
        Instant prepared = clock.instant();
        commands.sendAndWait(new RecordSchedule(id, prepared, ContentReference.of("schedule/" + id, HASH_D),
                perSlot(starts, i -> new PlannedSlot(starts.get(i), Megawatts.of(1.5))), "0hard/-7soft", 99.5, null,
                new SolverSettings("timefold", Duration.ofSeconds(30), 7, Map.of())));
        clock.advance(Duration.ofMinutes(1));
        commands.sendAndWait(new AbortBiddingCycle(id, clock.instant(), "called off for the test"));
        Map<String, Object> live = eventually(() -> find(id.value()), b -> b != null && "ABORTED".equals(b.get("status")), "the aborted bid");

        String asOf = "query($id: ID!, $t: DateTime) { bid(id: $id, asOf: $t) { ...bid } }" + BID;
        Map<String, Object> atOpening = ok(g.run(asOf, Map.of("id", id.value(), "t", opened.plusSeconds(30).toString())), "bid");
        assertThat(atOpening).containsEntry("status", "OPEN").containsEntry("inputs", null).containsEntry("schedule", null)
                .containsEntry("version", 0);
        assertThat((List<?>) atOpening.get("history")).hasSize(1);
        Map<String, Object> atInputs = ok(g.run(asOf, Map.of("id", id.value(), "t", fetched.plusSeconds(30).toString())), "bid");
        assertThat(atInputs).containsEntry("status", "INPUTS_FETCHED").containsEntry("schedule", null).containsEntry("version", 1);
        assertThat(map(atInputs, "inputs")).containsEntry("deviceCount", 12);
        Map<String, Object> atSchedule = ok(g.run(asOf, Map.of("id", id.value(), "t", prepared.toString())), "bid");
        assertThat(atSchedule).containsEntry("status", "SCHEDULED").containsEntry("abortReason", null).containsEntry("version", 2);
        assertThat(map(atSchedule, "schedule")).containsEntry("score", "0hard/-7soft");
        assertThat(((List<?>) atSchedule.get("slots")).get(0).toString()).contains("plannedMw=1.5");
        // Now, it is the live view; before its opening there was no bid.
        assertThat(ok(g.run(asOf, Map.of("id", id.value(), "t", clock.instant().toString())), "bid")).isEqualTo(live);
        Object none = g.run(asOf, Map.of("id", id.value(), "t", before.toString())).field("bid").getValue();
        assertThat(none).as("no bid before its opening").isNull();
        assertThat(g.run(asOf, Map.of("id", id.value(), "t", "0001-01-01T00:00:00Z")).getErrors())
                .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("asOf"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private void open(String zone, LocalDate day, Instant now) {
        OpenBiddingCycle ours = market.open(day, now);
        commands.sendAndWait(new OpenBiddingCycle(BidId.of(zone, day), now, ours.deliveryStart(), ours.deliveryEnd(),
                ours.slotLength(), ours.gateClosure()));
    }

    private static Instant at(Instant t0, int minutes) {
        return t0.plus(Duration.ofMinutes(minutes));
    }

    private static <T> List<T> perSlot(List<Instant> starts, IntFunction<T> entry) {
        List<T> list = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) list.add(entry.apply(i));
        return list;
    }

    private Map<String, Object> start(Map<String, Object> input) {
        return ok(g.run(START, Map.of("input", input)), "startBiddingCycle");
    }

    private Map<String, Object> cancel(String id, String reason) {
        return ok(g.run(CANCEL, Map.of("input", Map.of("id", id, "reason", reason))), "cancelBiddingCycle");
    }

    private Map<String, Object> find(String id) {
        return ok(g.run(FIND, Map.of("id", id)), "bid");
    }

    private Map<String, Object> page(LocalDate day, String status, int first, String after) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("day", day == null ? null : day.toString());
        variables.put("status", status);
        variables.put("first", first);
        variables.put("after", after);
        return ok(g.run(LIST, variables), "bids");
    }

    private static Map<String, Object> ok(ClientGraphQlResponse response, String path) {
        assertThat(response.getErrors()).as("GraphQL errors").isEmpty();
        return GraphQl.value(response, path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static List<Map<String, Object>> errors(Map<String, Object> payload) {
        return list(payload, "errors");
    }

    private static List<Map<String, Object>> nodes(Map<String, Object> page) {
        return list(page, "edges").stream().map(e -> map(e, "node")).toList();
    }

    private static List<String> ids(Map<String, Object> page) {
        return nodes(page).stream().map(n -> (String) n.get("id")).toList();
    }
}
