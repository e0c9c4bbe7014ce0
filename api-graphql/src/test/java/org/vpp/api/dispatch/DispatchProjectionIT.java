package org.vpp.api.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.api.support.GraphQl;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.Megawatts;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.ContentReference;
import org.vpp.messages.dispatch.AssetAllocation;
import org.vpp.messages.dispatch.DeviationCause;
import org.vpp.messages.dispatch.DispatchCompleted;
import org.vpp.messages.dispatch.DispatchEvent;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchKind;
import org.vpp.messages.dispatch.DispatchPage;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.DispatchSlot;
import org.vpp.messages.dispatch.DispatchSlotView;
import org.vpp.messages.dispatch.DispatchStatus;
import org.vpp.messages.dispatch.DispatchView;
import org.vpp.messages.dispatch.FindDispatch;
import org.vpp.messages.dispatch.FindDispatches;
import org.vpp.messages.dispatch.FindSettlements;
import org.vpp.messages.dispatch.NodeSettlement;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.SettlementDayView;
import org.vpp.messages.dispatch.Shortfall;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;
import org.vpp.messages.dispatch.SlotSettlement;
import org.vpp.query.dispatch.DispatchProjection;

/**
 * The dispatch projection on the real PostgreSQL (Flyway's tables, the application's beans), fed its events
 * directly through Axon's handler adapter with their aggregate sequence numbers, as a tracking processor would feed
 * them; read back through the query bus and GraphQL.
 *
 * <p>Delivery day 2031-03-12 (CET, UTC+1; no daylight-saving change). By hand:
 * <ul>
 *   <li>market dispatch A, two quarter-hours from 2031-03-11T23:00Z (00:00 in Berlin, so its day is the 12th though
 *       its first slot's UTC date is the 11th), 4 MW each at 80 and 100 EUR/MWh; delivered 3.8 and 4.2 MW. Target
 *       4 x 0.25 x 2 = 2.0 MWh, delivered 0.95 + 1.05 = 2.0 MWh, deviation -0.05 + 0.05 = 0. Settled: revenue
 *       0.95 x 80 + 1.05 x 100 = 76.00 + 105.00 = 181.00 EUR; imbalance -0.05 x (120 - 80) + 0.05 x (60 - 100) =
 *       -2.00 - 2.00 = -4.00 EUR; per node pf 181.00 / -4.00, site-a 106.00 / -3.00, site-b 75.00 / -1.00.</li>
 *   <li>manual dispatch B under site-a, one quarter-hour at 16:00Z, 1.5 MW asked of 2 MW requested; delivered
 *       1.4 MW: target 0.375, delivered 0.35, deviation -0.025 MWh; paid at the imbalance price 150: 52.50 EUR,
 *       no imbalance.</li>
 *   <li>manual dispatch C, settled for the 13th: must not count on the 12th.</li>
 * </ul>
 * The 12th per node: pf 2.0 MWh, 181.00 - 4.00 = 177.00; site-a 1.2 + 0.35 = 1.55 MWh, 106.00 + 52.50 = 158.50
 * and -3.00, total 155.50; site-b 0.8 MWh, 75.00 - 1.00 = 74.00. The day: target 2.375, delivered 2.35, deviation
 * -0.025 MWh; revenue 233.50, imbalance -4.00, total 229.50 EUR.
 */
class DispatchProjectionIT extends ApiIT {

    static final Duration QUARTER = Duration.ofMinutes(15);
    static final String HASH = "a".repeat(64);

    @Autowired
    DispatchProjection projection;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventProcessingConfiguration processing;

    private AnnotationEventHandlerAdapter handlers;
    /** Each test has a day of its own (the tests share one database), all in March 2031 before the change to CEST. */
    private LocalDate day;
    /** A's two slots, from midnight in Berlin; B's at 17:00 in Berlin; C's the next day. */
    private Instant s0;
    private Instant s1;
    private Instant s2;
    private Instant s3;
    private DispatchId a;
    private DispatchId b;
    private DispatchId c;
    private String pf;
    private String siteA;
    private String siteB;

    @BeforeEach
    void setUp() {
        handlers = new AnnotationEventHandlerAdapter(projection);
        b = DispatchId.manual(id("peak"));
        c = DispatchId.manual(id("next-day"));
        pf = id("pf");
        siteA = id("site-a");
        siteB = id("site-b");
    }

    private void onDay(String date) {
        day = LocalDate.parse(date);
        a = DispatchId.forBid(BidId.of("DE-LU", day));
        s0 = day.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        s1 = s0.plus(QUARTER);
        s2 = s0.plus(Duration.ofHours(17));
        s3 = s0.plus(Duration.ofHours(24 + 11));
    }

    @Test
    void aSettledDayShowsEachDispatchAndThePerNodeProfitAndLossAndRedeliveryDoublesNothing() throws Exception {
        onDay("2031-03-12");
        assertThat(s0).isEqualTo(Instant.parse("2031-03-11T23:00:00Z"));
        feed(marketDispatch());
        feed(manualDispatch());
        feed(nextDayDispatch());
        DispatchView first = find(a);
        SettlementDayView firstDay = settlements(day);
        Map<String, Long> rows = rowCounts();

        feed(marketDispatch());  // every event redelivered, in order
        feed(manualDispatch());
        feed(nextDayDispatch());
        feed(List.of(marketDispatch().get(1)));  // and a stale one after the settlement

        assertThat(rowCounts()).as("rows after redelivery").isEqualTo(rows);
        assertThat(find(a)).as("the market dispatch after redelivery").isEqualTo(first);
        assertThat(settlements(day)).as("the day after redelivery").isEqualTo(firstDay);
        assertThat(rows).containsEntry("dispatch", 3L).containsEntry("dispatch_slot", 4L)
                .containsEntry("dispatch_allocation", 3L).containsEntry("dispatch_shortfall", 1L)
                .containsEntry("dispatch_redispatch", 1L).containsEntry("dispatch_deviation_cause", 3L)
                .containsEntry("settlement_slot", 4L).containsEntry("settlement_node", 5L);

        assertMarketDispatch(first);
        assertSettlementDay(firstDay);
    }

    private void assertMarketDispatch(DispatchView view) {
        assertThat(view.kind()).isEqualTo(DispatchKind.MARKET);
        assertThat(view.status()).isEqualTo(DispatchStatus.SETTLED);
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.bidId()).isEqualTo(BidId.of("DE-LU", day));
        assertThat(view.deliveryDay()).as("Berlin's date of the first slot").isEqualTo(day);
        assertThat(view.start()).isEqualTo(s0);
        assertThat(view.end()).isEqualTo(s1.plus(QUARTER));
        assertThat(view.slotLength()).isEqualTo(QUARTER);
        assertThat(view.plannedAt()).isEqualTo(s0.minusSeconds(600));
        assertThat(view.completedAt()).isEqualTo(s1.plusSeconds(17 * 60));
        assertThat(view.slotsMeasured()).isEqualTo(2);
        assertThat(view.meanDeviation()).isEqualTo(Megawatts.ZERO);
        assertThat(view.requested()).isNull();
        assertThat(view.allocations()).isEmpty();
        assertThat(view.cancelledAt()).isNull();
        assertThat(view.updatedAt()).isEqualTo(view.settledAt());

        DispatchSlotView slot0 = view.slots().get(0);
        assertThat(view.slots()).hasSize(2);
        assertThat(slot0.start()).isEqualTo(s0);
        assertThat(slot0.target()).isEqualTo(Megawatts.of(4));
        assertThat(slot0.clearingPrice()).isEqualTo(EurPerMwh.of(80));
        assertThat(slot0.dispatchedAt()).isEqualTo(s0);
        assertThat(slot0.setpointsSent()).isEqualTo(3);
        assertThat(slot0.shortfalls()).containsExactly(new Shortfall("bat-2", Megawatts.of(0.5), ShortfallCause.STATE_OF_CHARGE));
        assertThat(slot0.redispatches()).containsExactly(new Redispatch("bat-2", "bat-1", Megawatts.of(0.4), "SITE"));
        assertThat(slot0.uncovered()).isEqualTo(Megawatts.of(0.1));
        assertThat(slot0.delivered()).isEqualTo(Megawatts.of(3.8));
        assertThat(slot0.deviation()).isEqualTo(Megawatts.of(-0.2));
        assertThat(slot0.causes()).containsExactly(new DeviationCause(null, Megawatts.of(-0.1), "re-dispatch could not cover"),
                new DeviationCause("pv-3", Megawatts.of(-0.1), "under-performing"));
        assertThat(slot0.readings()).isEqualTo(45);
        assertThat(slot0.perAsset()).isEqualTo(ContentReference.of("measured/" + a + "/0", HASH));
        DispatchSlotView slot1 = view.slots().get(1);
        assertThat(slot1.shortfalls()).isEmpty();
        assertThat(slot1.redispatches()).isEmpty();
        assertThat(slot1.delivered()).isEqualTo(Megawatts.of(4.2));
        assertThat(slot1.causes()).containsExactly(new DeviationCause("pv-3", Megawatts.of(0.2), "over-performing"));

        assertThat(view.totals().target().value()).isCloseTo(2.0, within(1e-9));
        assertThat(view.totals().delivered().value()).isCloseTo(2.0, within(1e-9));
        assertThat(view.totals().deviation().value()).isCloseTo(0.0, within(1e-9));
        assertThat(view.totals().revenueEur()).isEqualByComparingTo("181.00");
        assertThat(view.totals().imbalanceEur()).isEqualByComparingTo("-4.00");
        assertThat(view.totals().totalEur()).isEqualByComparingTo("177.00");

        assertThat(view.settlement().deliveryDay()).isEqualTo(day);
        assertThat(view.settlement().pricing()).isEqualTo("clearing price; imbalance at the imbalance price");
        assertThat(view.settlement().slots()).extracting(SlotSettlement::revenueEur).containsExactly(eur("76.00"), eur("105.00"));
        assertThat(view.settlement().slots()).extracting(SlotSettlement::imbalanceEur).containsExactly(eur("-2.00"), eur("-2.00"));
        assertThat(view.settlement().nodes()).extracting(NodeSettlement::nodeId).containsExactly(pf, siteA, siteB);
    }

    private void assertSettlementDay(SettlementDayView settled) {
        assertThat(settled.day()).isEqualTo(day);
        assertThat(settled.dispatches()).extracting(DispatchView::id).as("earliest start first; C is the 13th's")
                .containsExactly(a, b);
        assertThat(settled.nodes()).containsExactly(
                new NodeSettlement(pf, "PORTFOLIO", null, 2.0, eur("181.00"), eur("-4.00")),
                new NodeSettlement(siteA, "SITE", pf, 1.55, eur("158.50"), eur("-3.00")),
                new NodeSettlement(siteB, "SITE", pf, 0.8, eur("75.00"), eur("-1.00")));
        assertThat(settled.nodes()).extracting(NodeSettlement::totalEur).containsExactly(eur("177.00"), eur("155.50"), eur("74.00"));
        assertThat(settled.totals().target().value()).isCloseTo(2.375, within(1e-9));
        assertThat(settled.totals().delivered().value()).isCloseTo(2.35, within(1e-9));
        assertThat(settled.totals().deviation().value()).isCloseTo(-0.025, within(1e-9));
        assertThat(settled.totals().revenueEur()).isEqualByComparingTo("233.50");
        assertThat(settled.totals().imbalanceEur()).isEqualByComparingTo("-4.00");
        assertThat(settled.totals().totalEur()).isEqualByComparingTo("229.50");
    }

    /** A manual dispatch shows its request, allocation and unmet part; statuses move with the events. */
    @Test
    void aManualDispatchShowsItsAllocationAndEachStepMovesItsStatus() throws Exception {
        onDay("2031-03-05");
        List<DispatchEvent> events = manualDispatch();
        feed(events.subList(0, 1));
        DispatchView planned = find(b);
        assertThat(planned.status()).isEqualTo(DispatchStatus.PLANNED);
        assertThat(planned.version()).isZero();
        assertThat(planned.bidId()).isNull();
        assertThat(planned.nodeId()).isEqualTo(siteA);
        assertThat(planned.requested()).isEqualTo(Megawatts.of(2));
        assertThat(planned.unmet()).isEqualTo(Megawatts.of(0.5));
        assertThat(planned.reason()).isEqualTo("evening peak");
        assertThat(planned.allocations()).containsExactly(
                new AssetAllocation("bat-1", Megawatts.of(1.0), 35.5, Megawatts.of(1.0)),
                new AssetAllocation("bat-2", Megawatts.of(0.5), 40.0, Megawatts.of(0.5)));
        assertThat(planned.slots()).singleElement().satisfies(s -> {
            assertThat(s.clearingPrice()).isNull();
            assertThat(s.dispatchedAt()).isNull();
            assertThat(s.delivered()).isNull();
        });
        assertThat(planned.totals().target().value()).isCloseTo(0.375, within(1e-9));
        assertThat(planned.totals().delivered()).isNull();
        assertThat(planned.totals().revenueEur()).isNull();
        assertThat(planned.settlement()).isNull();

        feed(events.subList(0, 2));
        assertThat(find(b).status()).isEqualTo(DispatchStatus.RUNNING);
        feed(events.subList(0, 4));
        assertThat(find(b).status()).isEqualTo(DispatchStatus.COMPLETED);
        feed(events);
        assertThat(find(b).status()).isEqualTo(DispatchStatus.SETTLED);
        assertThat(find(b).totals().revenueEur()).isEqualByComparingTo("52.50");
        assertThat(queries.query(new FindDispatch(DispatchId.manual(id("unknown"))),
                ResponseTypes.instanceOf(DispatchView.class)).join()).as("an unknown dispatch").isNull();
    }

    /** By day (Berlin's date of the first slot), kind and status, latest start first, a page at a time. */
    @Test
    void dispatchesAreListedByDayKindAndStatusLatestStartFirst() throws Exception {
        onDay("2031-03-19");
        feed(marketDispatch());
        feed(manualDispatch());
        feed(nextDayDispatch().subList(0, 1));

        DispatchPage ofDay = page(null, null, day, 10, null);
        assertThat(ofDay.items()).extracting(DispatchView::id).containsExactly(b, a);
        assertThat(ofDay.totalCount()).isEqualTo(2);
        assertThat(page(null, null, day.minusDays(1), 10, null).items()).as("the 11th, A's first slot's UTC date")
                .extracting(DispatchView::id).doesNotContain(a);
        assertThat(page(DispatchKind.MARKET, null, day, 10, null).items()).extracting(DispatchView::id).containsExactly(a);
        assertThat(page(null, DispatchStatus.PLANNED, day.plusDays(1), 10, null).items()).extracting(DispatchView::id)
                .containsExactly(c);
        assertThat(page(null, DispatchStatus.SETTLED, day.plusDays(1), 10, null).items()).isEmpty();

        DispatchPage first = page(null, null, day, 1, null);
        assertThat(first.items()).extracting(DispatchView::id).containsExactly(b);
        assertThat(first.hasNextPage()).isTrue();
        DispatchPage second = page(null, null, day, 1, b);
        assertThat(second.items()).extracting(DispatchView::id).containsExactly(a);
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void graphQlShowsTheDispatchAndTheDayWithMoneyToTheCent() throws Exception {
        onDay("2031-03-26");
        feed(marketDispatch());
        feed(manualDispatch());
        GraphQl g = graphQl();

        Map<String, Object> dispatch = GraphQl.value(g.run("""
                query($id: ID!) { dispatch(id: $id) { id kind status bidId nodeId deliveryDay start end slotLength
                  deviceCount requestedMw allocations { assetId } version completedAt cancelledAt settledAt
                  slots(first: 1) { start targetMw clearingPriceEurPerMwh setpointsSent deliveredMw deviationMw uncoveredMw
                    shortfalls { assetId missingMw cause } redispatches { fromAssetId toAssetId powerMw level }
                    causes { assetId deviationMw cause } }
                  totals { targetMwh deliveredMwh deviationMwh revenueEur imbalanceEur totalEur }
                  settlement { deliveryDay revenueEur imbalanceEur totalEur
                    slots { start revenueEur imbalanceEur totalEur } nodes { nodeId kind parentId revenueEur totalEur } } } }""",
                Map.of("id", a.value())), "dispatch");
        assertThat(dispatch).containsEntry("id", a.value()).containsEntry("kind", "MARKET").containsEntry("status", "SETTLED")
                .containsEntry("bidId", "DE-LU:" + day).containsEntry("deliveryDay", day.toString())
                .containsEntry("start", s0.toString()).containsEntry("slotLength", "PT15M").containsEntry("requestedMw", null)
                .containsEntry("allocations", List.of()).containsEntry("version", 6)
                .containsEntry("completedAt", s1.plusSeconds(17 * 60).toString()).containsEntry("cancelledAt", null)
                .containsEntry("settledAt", s0.plus(Duration.ofHours(11)).toString());
        assertThat(dispatch.get("slots")).isEqualTo(List.of(Map.ofEntries(Map.entry("start", s0.toString()),
                Map.entry("targetMw", 4.0), Map.entry("clearingPriceEurPerMwh", 80.0), Map.entry("setpointsSent", 3),
                Map.entry("deliveredMw", 3.8), Map.entry("deviationMw", -0.2), Map.entry("uncoveredMw", 0.1),
                Map.entry("shortfalls", List.of(Map.of("assetId", "bat-2", "missingMw", 0.5, "cause", "STATE_OF_CHARGE"))),
                Map.entry("redispatches", List.of(Map.of("fromAssetId", "bat-2", "toAssetId", "bat-1", "powerMw", 0.4, "level", "SITE"))),
                Map.entry("causes", List.of(vars("assetId", null, "deviationMw", -0.1, "cause", "re-dispatch could not cover"),
                        Map.of("assetId", "pv-3", "deviationMw", -0.1, "cause", "under-performing"))))));
        assertThat(map(dispatch, "totals")).containsEntry("revenueEur", "181.00")
                .containsEntry("imbalanceEur", "-4.00").containsEntry("totalEur", "177.00");
        Map<String, Object> settlement = map(dispatch, "settlement");
        assertThat(settlement).containsEntry("deliveryDay", day.toString()).containsEntry("totalEur", "177.00");
        assertThat(settlement.get("slots")).isEqualTo(List.of(
                Map.of("start", s0.toString(), "revenueEur", "76.00", "imbalanceEur", "-2.00", "totalEur", "74.00"),
                Map.of("start", s1.toString(), "revenueEur", "105.00", "imbalanceEur", "-2.00", "totalEur", "103.00")));

        Map<String, Object> settled = GraphQl.value(g.run("""
                query($day: Date!) { settlements(day: $day) { day dispatches { id }
                  nodes { nodeId kind parentId deliveredMwh revenueEur imbalanceEur totalEur }
                  totals { targetMwh deliveredMwh revenueEur imbalanceEur totalEur } } }""",
                Map.of("day", day.toString())), "settlements");
        assertThat(settled.get("dispatches")).isEqualTo(List.of(Map.of("id", a.value()), Map.of("id", b.value())));
        assertThat(settled.get("nodes")).isEqualTo(List.of(
                vars("nodeId", pf, "kind", "PORTFOLIO", "parentId", null, "deliveredMwh", 2.0, "revenueEur", "181.00",
                        "imbalanceEur", "-4.00", "totalEur", "177.00"),
                vars("nodeId", siteA, "kind", "SITE", "parentId", pf, "deliveredMwh", 1.55, "revenueEur", "158.50",
                        "imbalanceEur", "-3.00", "totalEur", "155.50"),
                vars("nodeId", siteB, "kind", "SITE", "parentId", pf, "deliveredMwh", 0.8, "revenueEur", "75.00",
                        "imbalanceEur", "-1.00", "totalEur", "74.00")));
        assertThat(map(settled, "totals")).containsEntry("revenueEur", "233.50")
                .containsEntry("imbalanceEur", "-4.00").containsEntry("totalEur", "229.50");

        Map<String, Object> empty = GraphQl.value(g.run("{ settlements(day: \"2031-01-01\") { dispatches { id } nodes { nodeId }"
                + " totals { targetMwh revenueEur totalEur } } }"), "settlements");
        assertThat(empty).isEqualTo(Map.of("dispatches", List.of(), "nodes", List.of(),
                "totals", vars("targetMwh", 0.0, "revenueEur", null, "totalEur", null)));
    }

    /** As the bids: a pooled tracking processor of its own, whose failing events are parked, not retried forever. */
    @Test
    void theProjectionRunsInAPooledProcessorOfItsOwnWithADeadLetterQueue() {
        assertThat(processing.eventProcessorByProcessingGroup(DispatchProjection.PROCESSING_GROUP))
                .get().isInstanceOf(PooledStreamingEventProcessor.class)
                .satisfies(p -> assertThat(p.getName()).isEqualTo("dispatches"));
        assertThat(processing.deadLetterQueue(DispatchProjection.PROCESSING_GROUP)).isPresent();
        assertThat(processing.deadLetterPolicy(DispatchProjection.PROCESSING_GROUP)).as("logged once, as the bids").isPresent();
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        GraphQl g = graphQl();
        assertThat(g.run("{ dispatch(id: \"DE-LU:2031-03-12\") { id } }").getErrors().getFirst().getMessage())
                .startsWith("id:").contains("market:DE-LU:2026-06-17");
        assertThat(g.run("{ dispatches(first: 101) { totalCount } }").getErrors().getFirst().getMessage()).startsWith("first:");
        assertThat(g.run("{ dispatches(after: \"nonsense\") { totalCount } }").getErrors().getFirst().getMessage())
                .startsWith("after:");
        String bidCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("bid:DE-LU:2031-03-12".getBytes());
        assertThat(g.run("{ dispatches(after: \"" + bidCursor + "\") { totalCount } }").getErrors().getFirst().getMessage())
                .as("a bid's cursor").startsWith("after:");
        assertThat(g.run("{ settlements(day: \"2031-02-30\") { day } }").getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("2031-02-30"));
    }

    // --- the events -----------------------------------------------------------------------------------------------

    private List<DispatchEvent> marketDispatch() {
        ContentReference plan = ContentReference.of("dispatch-plan/" + a, HASH);
        return List.of(
                new DispatchPlanned(a, s0.minusSeconds(600), DispatchKind.MARKET, BidId.of("DE-LU", day), pf, QUARTER,
                        List.of(new DispatchSlot(s0, Megawatts.of(4), EurPerMwh.of(80)),
                                new DispatchSlot(s1, Megawatts.of(4), EurPerMwh.of(100))),
                        plan, 3, null, List.of(), null, "bid DE-LU:" + day + " cleared"),
                new SlotDispatched(a, s0, s0, 3,
                        List.of(new Shortfall("bat-2", Megawatts.of(0.5), ShortfallCause.STATE_OF_CHARGE)),
                        List.of(new Redispatch("bat-2", "bat-1", Megawatts.of(0.4), "SITE")), Megawatts.of(0.1)),
                new SlotDispatched(a, s1, s1, 3, List.of(), List.of(), Megawatts.ZERO),
                new SlotDelivered(a, s1.plusSeconds(16 * 60), s0, Megawatts.of(4), Megawatts.of(3.8), Megawatts.of(-0.2),
                        List.of(new DeviationCause(null, Megawatts.of(-0.1), "re-dispatch could not cover"),
                                new DeviationCause("pv-3", Megawatts.of(-0.1), "under-performing")),
                        ContentReference.of("measured/" + a + "/0", HASH), 45, 0),
                new SlotDelivered(a, s1.plusSeconds(16 * 60), s1, Megawatts.of(4), Megawatts.of(4.2), Megawatts.of(0.2),
                        List.of(new DeviationCause("pv-3", Megawatts.of(0.2), "over-performing")),
                        ContentReference.of("measured/" + a + "/1", HASH), 45, 0),
                new DispatchCompleted(a, s1.plusSeconds(17 * 60), 2, Megawatts.ZERO),
                new DispatchSettled(a, s0.plus(Duration.ofHours(11)), day,
                        List.of(new SlotSettlement(s0, 1.0, 0.95, -0.05, 80, 120, "SHORT", eur("76.00"), eur("-2.00")),
                                new SlotSettlement(s1, 1.0, 1.05, 0.05, 100, 60, "LONG", eur("105.00"), eur("-2.00"))),
                        List.of(new NodeSettlement(pf, "PORTFOLIO", null, 2.0, eur("181.00"), eur("-4.00")),
                                new NodeSettlement(siteA, "SITE", pf, 1.2, eur("106.00"), eur("-3.00")),
                                new NodeSettlement(siteB, "SITE", pf, 0.8, eur("75.00"), eur("-1.00"))),
                        ContentReference.of("settlement/" + a, HASH), eur("181.00"), eur("-4.00"),
                        "clearing price; imbalance at the imbalance price"));
    }

    private List<DispatchEvent> manualDispatch() {
        return List.of(
                new DispatchPlanned(b, s2.minusSeconds(300), DispatchKind.MANUAL, null, siteA, QUARTER,
                        List.of(new DispatchSlot(s2, Megawatts.of(1.5), null)), ContentReference.of("dispatch-plan/" + b, HASH),
                        2, Megawatts.of(2),
                        List.of(new AssetAllocation("bat-1", Megawatts.of(1.0), 35.5, Megawatts.of(1.0)),
                                new AssetAllocation("bat-2", Megawatts.of(0.5), 40.0, Megawatts.of(0.5))),
                        Megawatts.of(0.5), "evening peak"),
                new SlotDispatched(b, s2, s2, 2, List.of(), List.of(), Megawatts.ZERO),
                new SlotDelivered(b, s2.plusSeconds(16 * 60), s2, Megawatts.of(1.5), Megawatts.of(1.4), Megawatts.of(-0.1),
                        List.of(), ContentReference.of("measured/" + b + "/0", HASH), 30, 0),
                new DispatchCompleted(b, s2.plusSeconds(17 * 60), 1, Megawatts.of(-0.1)),
                new DispatchSettled(b, s0.plus(Duration.ofHours(19)), day,
                        List.of(new SlotSettlement(s2, 0.375, 0.35, -0.025, 0, 150, "SHORT", eur("52.50"), eur("0.00"))),
                        List.of(new NodeSettlement(siteA, "SITE", pf, 0.35, eur("52.50"), eur("0.00"))),
                        ContentReference.of("settlement/" + b, HASH), eur("52.50"), eur("0.00"), "imbalance price"));
    }

    private List<DispatchEvent> nextDayDispatch() {
        return List.of(
                new DispatchPlanned(c, s3.minusSeconds(300), DispatchKind.MANUAL, null, siteA, QUARTER,
                        List.of(new DispatchSlot(s3, Megawatts.of(1), null)), ContentReference.of("dispatch-plan/" + c, HASH),
                        1, Megawatts.of(1), List.of(new AssetAllocation("bat-1", Megawatts.of(1), 35.5, Megawatts.of(1))),
                        Megawatts.ZERO, "morning ramp"),
                new DispatchSettled(c, s3.plus(Duration.ofHours(2)), day.plusDays(1),
                        List.of(new SlotSettlement(s3, 0.25, 0.25, 0, 0, 40, "LONG", eur("10.00"), eur("0.00"))),
                        List.of(new NodeSettlement(siteA, "SITE", pf, 0.25, eur("10.00"), eur("0.00"))),
                        ContentReference.of("settlement/" + c, HASH), eur("10.00"), eur("0.00"), "imbalance price"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** The events with their aggregate sequence numbers 0, 1, 2 ..., as the event store delivers them. */
    private void feed(List<DispatchEvent> events) throws Exception {
        for (int seq = 0; seq < events.size(); seq++) {
            DispatchEvent e = events.get(seq);
            handlers.handle(new GenericDomainEventMessage<>("Dispatch", e.dispatchId().value(), seq, e, Map.of(),
                    e.dispatchId() + "#" + seq, e.at()));
        }
    }

    private DispatchView find(DispatchId id) {
        return queries.query(new FindDispatch(id), ResponseTypes.instanceOf(DispatchView.class)).join();
    }

    private SettlementDayView settlements(LocalDate day) {
        return queries.query(new FindSettlements(day), SettlementDayView.class).join();
    }

    private DispatchPage page(DispatchKind kind, DispatchStatus status, LocalDate day, int first, DispatchId after) {
        return queries.query(new FindDispatches(kind, status, day, first, after), DispatchPage.class).join();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    /** Rows of this test's dispatches in every table of the read model. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Object ids = new String[] {a.value(), b.value(), c.value()};
        for (String table : List.of("dispatch", "dispatch_slot", "dispatch_allocation", "dispatch_shortfall",
                "dispatch_redispatch", "dispatch_deviation_cause", "settlement_slot", "settlement_node")) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE dispatch_id = ANY (?)",
                    Long.class, ids));
        }
        return counts;
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }
}
