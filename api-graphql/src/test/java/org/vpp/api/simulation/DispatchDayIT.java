package org.vpp.api.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.api.dispatch.DeviceSetpointStore;
import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestClock;
import org.vpp.api.support.TestDatabase;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.EurPerMwh;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidRejected;
import org.vpp.messages.bid.ClearedSlot;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchPlanned;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.Redispatch;
import org.vpp.messages.dispatch.ShortfallCause;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.messages.dispatch.SlotDispatched;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.dispatch.DispatchPlan;
import org.vpp.sagas.port.Contents;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.market.ImbalancePricing;
import org.vpp.simulator.twin.DeviceTwin;
import org.vpp.simulator.twin.Limitation;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;
import org.vpp.simulator.twin.StepOutcome;
import org.vpp.simulator.twin.TelemetrySample;
import org.vpp.simulator.twin.TwinStep;

/**
 * A day from bid to settlement through the real application on the stepped clock: the opener, the bidding saga, the
 * exchange, the Dispatch and its saga with persistent deadlines, the device-setpoint outbox the twins read, the
 * telemetry path, the read models and GraphQL. The twins are the simulator's, stepped minute by minute; one battery
 * breaks in the afternoon, and the application restarts mid-day on the same database.
 * <p>
 * What it shows: the twins follow the dispatched setpoints; the broken battery's setpoint is re-dispatched to its
 * siblings; no setpoint is sent twice and no slot's delivery is lost across the restart; the settled money equals,
 * to the cent, the sum over slots of clearing price x delivered energy plus the deviations at the imbalance spread,
 * worked out here from the raw telemetry and the simulator's prices; and a manual dispatch through GraphQL answers
 * its allocation, total and unmet demand, and the twins deliver it.
 */
class DispatchDayIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final long SEED = 42;
    private static final String BROKEN = "bat-a1";
    private static final String FOLLOWER = "bat-b1";
    private static final List<String> DATABASE = TestDatabase.applicationArguments();
    private static Clock axonClockBefore;

    private ConfigurableApplicationContext app;
    private TestClock clock;
    private SimulationDriver driver;
    private final AtomicReference<Instant> breaksAt = new AtomicReference<>(Instant.MAX);

    @BeforeAll
    static void rememberAxonClock() {
        axonClockBefore = GenericEventMessage.clock;
    }

    @AfterAll
    static void restoreAxonClock() {
        GenericEventMessage.clock = axonClockBefore;
    }

    @Test
    void aDayRunsFromBidToSettlementThroughAnOutageAndARestartAndAManualDispatchIsDelivered() {
        start(null);
        BiddingMarket market = app.getBean(BiddingMarket.class);
        java.time.LocalDate day = market.firstOpenDay(clock.instant());
        BidId bid = market.bidId(day);
        DispatchId dispatch = DispatchId.forBid(bid);
        Instant gate = market.gateClosure(day);
        Instant opening = gate.minus(app.getBean(BiddingProperties.class).leadTime());
        Instant deliveryStart = market.rules().deliveryStart(day);
        Instant deliveryEnd = market.rules().deliveryEnd(day);

        // The fleet, registered as an operator would; two days of meter history from the twins themselves.
        Fleet fleet = new Fleet(graphQl());
        specs().forEach(spec -> fleet.registerOk(Fleet.registerInput(spec)));
        Instant historyFrom = opening.minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        clock.advanceTo(opening);
        driver = driver(historyFrom, deliveryEnd.plus(Duration.ofDays(1)), Map.of());
        driver.catchUp(opening, QUARTER);

        // The cycle: opened at gate closure minus the lead time, submitted, cleared just after gate closure.
        app.getBean(ProcessDriver.class).runDue().join();
        awaitEvent(bid.value(), org.vpp.messages.bid.BidSubmitted.class);
        stepTo(gate.plus(MINUTE));
        app.getBean(ProcessDriver.class).runDue().join();
        awaitEvent(bid.value(), org.vpp.messages.bid.BiddingCycleClosed.class);
        assertThat(events(bid.value())).as("the market took part of the bid").noneMatch(BidRejected.class::isInstance);
        DispatchPlanned planned = awaitEvent(dispatch.value(), DispatchPlanned.class);
        List<ClearedSlot> cleared = cleared(bid);
        DispatchPlan plan = app.getBean(Contents.class).read(planned.plan(), DispatchPlan.class);
        assertThat(planned.slots()).hasSize(cleared.size());

        // The battery breaks half an hour before the first afternoon slot the plan gives it work in.
        int workSlot = firstSlotWithWork(plan, BROKEN, deliveryStart.atZone(BERLIN).withHour(13).toInstant());
        breaksAt.set(plan.slotStart(workSlot).minus(Duration.ofMinutes(30)));
        Instant restartAt = deliveryStart.atZone(BERLIN).withHour(11).withMinute(7).toInstant();
        assertThat(restartAt).as("the restart comes before the outage").isBefore(breaksAt.get());

        // Delivery, minute by minute; each slot's step is awaited as it falls due. Mid-morning: a restart.
        runDay(dispatch, plan, restartAt);
        stop();
        start(restartAt);
        Map<String, Double> socs = app.getBean(StoredHistory.class).lastSoc(List.of("bat-a1", "bat-a2", "bat-b1"));
        assertThat(socs).as("the twins resume from their last telemetry").hasSize(3);
        driver = driver(restartAt, deliveryEnd.plus(Duration.ofDays(1)), socs);
        runDay(dispatch, plan, deliveryEnd.plus(Duration.ofMinutes(20)));
        DispatchSettled settled = awaitEvent(dispatch.value(), DispatchSettled.class);

        List<Object> events = events(dispatch.value());
        int slots = plan.slotCount();
        assertThat(events).filteredOn(SlotDispatched.class::isInstance).as("each slot sent once").hasSize(slots);
        assertThat(events).filteredOn(SlotDelivered.class::isInstance).as("each slot measured once").hasSize(slots);
        assertThat(events.stream().filter(SlotDelivered.class::isInstance).map(e -> ((SlotDelivered) e).slotStart()).distinct())
                .hasSize(slots);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM device_setpoint WHERE dispatch_id = ? AND sends <> 1",
                Long.class, dispatch.value())).as("no setpoint sent twice, the restart included").isZero();

        // The outage: from the step after the break, the battery is short and its siblings take its power.
        List<SlotDispatched> afterBreak = events.stream().filter(SlotDispatched.class::isInstance).map(SlotDispatched.class::cast)
                .filter(s -> s.slotStart().isAfter(breaksAt.get())).toList();
        List<SlotDispatched> withWork = afterBreak.stream()
                .filter(s -> Math.abs(plan.power(BROKEN, indexOf(plan, s.slotStart()))) > 0.01).toList();
        assertThat(withWork).as("slots the plan gives the broken battery work in").isNotEmpty();
        assertThat(withWork).allSatisfy(s -> assertThat(s.shortfalls()).as("slot %s", s.slotStart())
                .anyMatch(f -> f.assetId().equals(BROKEN) && f.cause() == ShortfallCause.OFFLINE));
        List<Redispatch> moved = afterBreak.stream().flatMap(s -> s.redispatches().stream())
                .filter(r -> r.fromAssetId().equals(BROKEN)).toList();
        assertThat(moved).as("the broken battery's power went to its siblings").isNotEmpty();
        assertThat(moved).extracting(Redispatch::level).first().isEqualTo("SITE");
        assertThat(setpointsOf(jdbc, dispatch, BROKEN, breaksAt.get().plus(QUARTER.multipliedBy(2))))
                .as("the broken battery is sent nothing after the break (to the 0.01 MW tolerance)")
                .allSatisfy(v -> assertThat(v).isCloseTo(0.0, within(0.01)));

        // The twins follow their setpoints: the healthy battery on the other site delivers what it is sent.
        List<double[]> follow = followed(jdbc, dispatch, FOLLOWER);
        long close = follow.stream().filter(p -> Math.abs(p[0] - p[1]) <= 0.05 + 0.05 * Math.abs(p[0])).count();
        assertThat(follow).hasSize(slots);
        assertThat(close).as("slots in which %s delivered its setpoint (sent, delivered): %s", FOLLOWER, describe(follow))
                .isGreaterThanOrEqualTo(slots * 9L / 10);

        // The money, worked out here from the raw telemetry and the simulator's prices.
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal imbalance = BigDecimal.ZERO;
        List<String> devices = plan.devices().stream().map(d -> d.id()).toList();
        for (int t = 0; t < slots; t++) {
            Instant from = plan.slotStart(t);
            double delivered = meteredSum(jdbc, devices, from, from.plus(QUARTER));
            double target = cleared.get(t).cleared().value();
            double price = cleared.get(t).clearingPrice().value();
            double imbalancePrice = ImbalancePricing.priceFor(from, EurPerMwh.of(price), SEED).price().value();
            revenue = revenue.add(cents(BigDecimal.valueOf(delivered).multiply(BigDecimal.valueOf(0.25))
                    .multiply(BigDecimal.valueOf(price))));
            imbalance = imbalance.add(cents(BigDecimal.valueOf(delivered - target).multiply(BigDecimal.valueOf(0.25))
                    .multiply(BigDecimal.valueOf(imbalancePrice - price))));
        }
        assertThat(settled.revenueEur()).as("revenue at the clearing price for the delivered energy").isEqualByComparingTo(revenue);
        assertThat(settled.imbalanceEur()).as("deviations at the imbalance price").isEqualByComparingTo(imbalance);
        String settlements = "{ settlements(day: \"" + day + "\") { totals { revenueEur imbalanceEur } nodes { nodeId totalEur } } }";
        Awaitility.await("the day's settlement shown").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> GraphQl.value(graphQl().ok(settlements), "settlements.totals.revenueEur") != null);
        var day1 = graphQl().ok(settlements);
        assertThat((String) GraphQl.value(day1, "settlements.totals.revenueEur")).isEqualTo(revenue.setScale(2).toPlainString());
        assertThat((String) GraphQl.value(day1, "settlements.totals.imbalanceEur")).isEqualTo(imbalance.setScale(2).toPlainString());
        List<Map<String, Object>> nodes = GraphQl.value(day1, "settlements.nodes");
        BigDecimal dayTotal = revenue.add(imbalance);
        assertThat(nodes).filteredOn(n -> "pf".equals(n.get("nodeId"))).singleElement()
                .satisfies(n -> assertThat(new BigDecimal((String) n.get("totalEur"))).as("the portfolio carries the day's total")
                        .isEqualByComparingTo(dayTotal));

        manualDispatchIsAllocatedAndDelivered(deliveryEnd);
        stop();
    }

    /**
     * The operator asks site-b to take 3 MW more for an hour (a downward balancing call): its battery, the one
     * controllable device there, charges as far as its 2 MW inverter and its free energy allow, and the rest is unmet.
     */
    private void manualDispatchIsAllocatedAndDelivered(Instant after) {
        Instant start = after.plus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(1));
        stepTo(after.plus(Duration.ofHours(1)));
        Map<String, Object> answer = GraphQl.value(graphQl().ok("""
                mutation { requestDispatch(input: {nodeId: "site-b", powerMw: -3, start: "%s", end: "%s", reason: "balancing call"}) {
                  status requestedMw totalMw unmetMw allocations { assetId powerMw headroomMw marginalCostEurPerMwh }
                  dispatch { id kind status nodeId } errors { field message } } }""".formatted(start, end)), "requestDispatch");
        assertThat(answer.get("status")).as("%s", answer).isEqualTo("APPLIED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) answer.get("allocations");
        assertThat(allocations).extracting(a -> a.get("assetId")).containsExactly(FOLLOWER);
        double total = ((Number) answer.get("totalMw")).doubleValue();
        double unmet = ((Number) answer.get("unmetMw")).doubleValue();
        double allocated = ((Number) allocations.getFirst().get("powerMw")).doubleValue();
        // At most the inverter's 2 MW: the total is the one allocation, the rest of the 3 MW is unmet.
        assertThat(allocated).isBetween(-2.0, -0.5);
        assertThat(total).isCloseTo(allocated, within(1e-9));
        assertThat(unmet).isCloseTo(-3 - total, within(1e-9)).isLessThanOrEqualTo(-1.0);
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) answer.get("dispatch")).get("id");

        stepTo(end.plus(Duration.ofMinutes(20)));
        List<SlotDelivered> delivered = events(id).stream().filter(SlotDelivered.class::isInstance)
                .map(SlotDelivered.class::cast).toList();
        assertThat(delivered).hasSize(4);
        // After the first quarter-hour (the ramp at 1 MW/min), the battery delivers what it was allocated.
        assertThat(delivered.subList(1, 4)).allSatisfy(d -> assertThat(d.delivered().value()).isCloseTo(total, within(0.05)));
        awaitEvent(id, DispatchSettled.class);
        // The read model follows the events (a tracking processor): the dispatch shows SETTLED once it has caught up.
        Awaitility.await(id + " shown settled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "SETTLED".equals(GraphQl.value(graphQl().ok("{ dispatch(id: \"" + id + "\") { status } }"), "dispatch.status")));
    }

    // --- the world ------------------------------------------------------------------------------------------------------

    /** Two sites under one region: a battery pair, PV, a load and a generator on site-a; a battery and a load on site-b. */
    private static List<AssetSpec> specs() {
        TechnicalLimits battery = TechnicalLimits.storage(-2, 2, 4, 0.95, 0.95, 1.0, 0.1, 0.9, 0.1);
        double lat = 52.5;
        double lon = 13.4;
        return List.of(
                new AssetSpec("pf", AssetKind.PORTFOLIO, "Portfolio", Optional.empty(), lat, lon, TechnicalLimits.NONE),
                new AssetSpec("region", AssetKind.REGION, "Region", Optional.of("pf"), lat, lon, TechnicalLimits.NONE),
                new AssetSpec("site-a", AssetKind.SITE, "Site A", Optional.of("region"), lat, lon, TechnicalLimits.groupWithGridLimit(8.0)),
                new AssetSpec("site-b", AssetKind.SITE, "Site B", Optional.of("region"), lat, lon, TechnicalLimits.groupWithGridLimit(5.0)),
                new AssetSpec("bat-a1", AssetKind.BATTERY, "Battery A1", Optional.of("site-a"), lat, lon, battery),
                new AssetSpec("bat-a2", AssetKind.BATTERY, "Battery A2", Optional.of("site-a"), lat, lon, battery),
                new AssetSpec("pv-a", AssetKind.PV, "PV A", Optional.of("site-a"), lat, lon, TechnicalLimits.power(0, 1.5, 1.0)),
                new AssetSpec("load-a", AssetKind.LOAD, "Load A", Optional.of("site-a"), lat, lon, TechnicalLimits.power(-0.8, -0.05, 1.0)),
                new AssetSpec("gen-a", AssetKind.GENERATOR, "Generator A", Optional.of("site-a"), lat, lon, TechnicalLimits.power(0, 1.0, 0.5)),
                new AssetSpec("bat-b1", AssetKind.BATTERY, "Battery B1", Optional.of("site-b"), lat, lon, battery),
                new AssetSpec("load-b", AssetKind.LOAD, "Load B", Optional.of("site-b"), lat, lon, TechnicalLimits.power(-0.5, -0.05, 1.0)));
    }

    private SimulationDriver driver(Instant from, Instant until, Map<String, Double> soc) {
        Duration span = Duration.between(from, until);
        DemoWorld built = DemoWorld.build(specs(), SimulationClocks.of(clock, BERLIN), from, span, SEED, OutageModel.never(),
                MeasurementNoise.NONE, MarketPrices.from(app.getBean(PriceHistory.class), "DE-LU", from, span), Map.of(), soc);
        List<DeviceTwin> twins = built.twins().stream()
                .map(t -> t.assetId().equals(BROKEN) ? (DeviceTwin) new Breaking(t, breaksAt) : t).toList();
        DemoWorld world = new DemoWorld(twins, built.market(), built.start(), built.end());
        TelemetryIngestion ingestion = app.getBean(TelemetryIngestion.class);
        return new SimulationDriver(world, ingestion::ingest, MINUTE, from, app.getBean(DeviceSetpointStore.class)::effectiveBetween);
    }

    /** A twin that works until {@code breaksAt} and from then on delivers nothing and reports itself unavailable. */
    private record Breaking(DeviceTwin twin, AtomicReference<Instant> breaksAt) implements DeviceTwin {
        @Override
        public String assetId() {
            return twin.assetId();
        }

        @Override
        public TwinStep step(Instant at, Duration dt, OptionalDouble setpointMw) {
            TwinStep normal = twin.step(at, dt, setpointMw);
            if (at.isBefore(breaksAt.get())) return normal;
            TelemetrySample t = normal.telemetry();
            return new TwinStep(new StepOutcome(setpointMw.orElse(0), 0, Limitation.OUTAGE),
                    new TelemetrySample(t.assetId(), t.at(), 0, t.soc(), false));
        }
    }

    /** Steps clock and twins to {@code until} minute by minute, waiting at each of the dispatch's step instants. */
    private void runDay(DispatchId dispatch, DispatchPlan plan, Instant until) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        while (clock.instant().isBefore(until)) {
            clock.advance(MINUTE);
            driver.tick(clock.instant());
            Instant now = clock.instant();
            int sendable = 0;
            int measurable = 0;
            for (int t = 0; t < plan.slotCount(); t++) {
                if (!plan.slotStart(t).minus(Duration.ofMinutes(5)).isAfter(now)) sendable = t + 1;
                if (!plan.slotStart(t + 1).plus(Duration.ofMinutes(10)).isAfter(now)) measurable = t + 1;
            }
            int sent = sendable;
            int measured = measurable;
            try {
                Awaitility.await("dispatch steps due at " + now).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(jdbc, dispatch, "SlotDispatched") >= sent && count(jdbc, dispatch, "SlotDelivered") >= measured);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    StringBuilder b = new StringBuilder("THREAD " + t.getName() + " " + t.getState() + "\n");
                    for (StackTraceElement el : stack) b.append("    at ").append(el).append('\n');
                    System.out.println(b);
                });
                throw new AssertionError("at " + now + ": " + count(jdbc, dispatch, "SlotDispatched") + " of " + sent
                        + " slots sent, " + count(jdbc, dispatch, "SlotDelivered") + " of " + measured + " measured; deadlines: "
                        + jdbc.queryForList("SELECT task_instance, execution_time, picked, picked_by, consecutive_failures,"
                        + " last_failure, last_success FROM scheduled_tasks"), e);
            }
        }
    }

    /** Steps clock and twins (and lets whatever the dispatches due run) in quarter-hours of minute steps. */
    private void stepTo(Instant until) {
        while (clock.instant().isBefore(until)) {
            clock.advance(MINUTE);
            driver.tick(clock.instant());
            Instant now = clock.instant();
            if (now.getEpochSecond() % 900 == 0) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> dueSteps(now) == 0);
            }
        }
    }

    /** Dispatch steps due by now that have not fired yet. */
    private long dueSteps(Instant now) {
        Long n = app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?"
                + " AND position(?::bytea in task_data) > 0", Long.class, java.sql.Timestamp.from(now),
                org.vpp.sagas.dispatch.DispatchSaga.STEP_DEADLINE);
        return n == null ? 0 : n;
    }

    private static long count(JdbcTemplate jdbc, DispatchId dispatch, String type) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, dispatch.value(), "%." + type);
        return n == null ? 0 : n;
    }

    private static int firstSlotWithWork(DispatchPlan plan, String device, Instant notBefore) {
        for (int t = 0; t < plan.slotCount(); t++) {
            if (!plan.slotStart(t).isBefore(notBefore) && Math.abs(plan.power(device, t)) >= 0.2) return t;
        }
        throw new AssertionError(device + " has no work in the afternoon of this plan");
    }

    private static int indexOf(DispatchPlan plan, Instant slotStart) {
        return (int) Duration.between(plan.start(), slotStart).dividedBy(plan.slotLength());
    }

    private static List<Double> setpointsOf(JdbcTemplate jdbc, DispatchId dispatch, String asset, Instant from) {
        return jdbc.queryForList("SELECT setpoint_mw FROM device_setpoint WHERE dispatch_id = ? AND asset_id = ? AND slot_start >= ?",
                Double.class, dispatch.value(), asset, java.sql.Timestamp.from(from));
    }

    /** Per slot of the dispatch: the setpoint sent to the device and the mean of its readings over the slot. */
    private static List<double[]> followed(JdbcTemplate jdbc, DispatchId dispatch, String asset) {
        return jdbc.query("""
                SELECT s.setpoint_mw, (SELECT avg(r.power_mw) FROM telemetry_reading r
                                        WHERE r.asset_id = s.asset_id AND r.at > s.slot_start AND r.at <= s.slot_end) AS mean
                  FROM device_setpoint s WHERE s.dispatch_id = ? AND s.asset_id = ? ORDER BY s.slot_start""",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, dispatch.value(), asset);
    }

    private static String describe(List<double[]> pairs) {
        StringBuilder b = new StringBuilder();
        for (double[] p : pairs) b.append(String.format(java.util.Locale.ROOT, "(%.2f, %.2f) ", p[0], p[1]));
        return b.toString();
    }

    /** The fleet's delivered power over a slot: per device the mean of its readings in (from, to], summed. */
    private static double meteredSum(JdbcTemplate jdbc, List<String> devices, Instant from, Instant to) {
        Map<String, double[]> sums = new HashMap<>();
        jdbc.query("SELECT asset_id, power_mw FROM telemetry_reading WHERE asset_id = ANY (?) AND at > ? AND at <= ?",
                rs -> {
                    double[] s = sums.computeIfAbsent(rs.getString(1), k -> new double[2]);
                    s[0] += rs.getDouble(2);
                    s[1]++;
                }, (Object) devices.toArray(String[]::new), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        double total = 0;
        for (double[] s : sums.values()) total += s[0] / s[1];
        return total;
    }

    private static BigDecimal cents(BigDecimal eur) {
        return eur.setScale(2, RoundingMode.HALF_EVEN);
    }

    private List<ClearedSlot> cleared(BidId bid) {
        for (Object e : events(bid.value())) {
            if (e instanceof BidAccepted a) return a.slots();
            if (e instanceof BidPartiallyAccepted p) return p.slots();
        }
        throw new AssertionError("no market result for " + bid);
    }

    private List<Object> events(String aggregate) {
        List<Object> out = new ArrayList<>();
        app.getBean(EventStore.class).readEvents(aggregate).asStream().map(Message::getPayload).forEach(out::add);
        return out;
    }

    private <T> T awaitEvent(String aggregate, Class<T> type) {
        Awaitility.await(aggregate + " records " + type.getSimpleName()).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100)).until(() -> events(aggregate).stream().anyMatch(type::isInstance));
        return events(aggregate).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private GraphQl graphQl() {
        return GraphQl.asAdmin(app);
    }

    private void start(Instant resumeAt) {
        List<String> args = new ArrayList<>(DATABASE);
        args.addAll(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H", "--vpp.telemetry.offline-after=P10D",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false", "--vpp.processes.enabled=false",
                "--vpp.dispatch.send-lead=PT5M", "--vpp.dispatch.measure-grace=PT10M", "--vpp.dispatch.stale-after=PT10M"));
        app = new SpringApplicationBuilder(VppApplication.class, TestClock.Config.class).run(args.toArray(String[]::new));
        clock = app.getBean(TestClock.class);
        if (resumeAt != null) clock.advanceTo(resumeAt);
    }

    private void stop() {
        app.close();
    }
}
