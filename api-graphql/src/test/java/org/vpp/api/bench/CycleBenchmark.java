package org.vpp.api.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.simulation.DemoFleetRegistration;
import org.vpp.api.support.TestClock;
import org.vpp.api.support.TestDatabase;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.bid.BidId;
import org.vpp.query.fleet.FleetRepository;
import org.vpp.query.telemetry.ReadingInput;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;

/**
 * The bidding cycle's wall time per step ({@code ./vpp bench cycle [--budget=PT60S] [devices ...]}, default 100 1000
 * 10000, the optimizer's budget 60 s), through
 * the real application: the demo fleet of that size is registered by commands and given a day of hourly meter
 * history, then one cycle is opened and the real saga runs it. Each step's wall time is the real time between its
 * event and the previous one appearing in the event store (polled every 2 ms):
 * <ul>
 *   <li><b>fetch + forecast</b>: opened → inputs fetched (fleet snapshot, the device forecasts, here seasonal naive
 *       from meter history for every PV, wind and load device since no forecast was issued, the price forecast, all
 *       stored by hash); <b>fetch</b> alone is the snapshot, timed apart on the same read model;</li>
 *   <li><b>optimize</b>: inputs fetched → schedule prepared (problem from the stored inputs, LP, Timefold, and above
 *       {@code vpp.bidding.aggregate-above} batteries the per-site aggregation and disaggregation, schedule stored);</li>
 *   <li><b>bid</b>: schedule prepared → submitted (pricing, draft, submission, the exchange's order book);</li>
 *   <li><b>dispatch</b>: the result's plan, the first slot's send and its measurement (see {@code dispatch}).</li>
 * </ul>
 * Prints figures; asserts nothing. The clock is a stepped test clock; only real time is measured.
 */
public final class CycleBenchmark {

    public static void main(String[] args) throws Exception {
        String budget = java.util.Arrays.stream(args).filter(a -> a.startsWith("--budget="))
                .map(a -> a.substring("--budget=".length())).findFirst().orElse("PT60S");
        int[] sizes = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0) sizes = new int[]{100, 1_000, 10_000};
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MiB, database %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                TestDatabase.external() ? "external PostgreSQL" : "embedded PostgreSQL");
        System.out.println("solver budget " + Duration.parse(budget) + " (vpp.bidding.solver-budget)");
        System.out.println("devices | batteries | register s | history readings | fetch s | fetch+forecast s | optimize s | bid s | cycle s | gap"
                + " | plan dispatch s | send slot s | measure slot s | notes");
        for (int devices : sizes) run(devices, budget);
        System.exit(0);
    }

    private static void run(int devices, String budget) throws Exception {
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H",
                "--vpp.telemetry.offline-after=P10D", "--logging.level.root=WARN", "--logging.level.org.vpp.api.bidding.OptimizerScheduleSolver=INFO",
                "--spring.main.banner-mode=off",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false", "--vpp.processes.enabled=false",
                "--vpp.bidding.enabled=false", "--vpp.bidding.solver-budget=" + budget, "--vpp.bidding.solver-grace=PT2H"));
        appArgs.addAll(TestDatabase.applicationArguments());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VppApplication.class, TestClock.Config.class)
                .run(appArgs.toArray(String[]::new))) {
            TestClock clock = app.getBean(TestClock.class);
            BiddingMarket market = app.getBean(BiddingMarket.class);
            LocalDate day = market.firstOpenDay(clock.instant());
            Instant opening = market.gateClosure(day).minus(Duration.ofHours(8));
            clock.advanceTo(opening);

            long t0 = System.nanoTime();
            List<AssetSpec> specs = DemoFleet.generate(devices, 42);
            app.getBean(DemoFleetRegistration.class).registerIfAbsent(specs);
            double register = seconds(t0);
            long readings = history(app.getBean(TelemetryIngestion.class), specs, opening);

            long s0 = System.nanoTime();
            FleetSnapshot snapshot = FleetSnapshot.of(app.getBean(FleetRepository.class).subtree(null), opening);
            double fetch = seconds(s0);
            long batteries = snapshot.devices().stream().filter(d -> d.kind() == AssetKind.BATTERY).count();

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            BidId bid = market.bidId(day);
            Map<String, Long> seen = new LinkedHashMap<>();
            long start = System.nanoTime();
            app.getBean(CommandGateway.class).sendAndWait(market.open(day, clock.instant()));
            seen.put("BiddingCycleOpened", System.nanoTime());
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (!seen.containsKey("BidSubmitted") && !seen.containsKey("BiddingCycleAborted") && System.nanoTime() < deadline) {
                for (String type : jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number", String.class, bid.value())) {
                    seen.putIfAbsent(type.substring(type.lastIndexOf('.') + 1), System.nanoTime());
                }
                Thread.sleep(2);
            }
            if (!seen.containsKey("BidSubmitted")) {
                System.out.printf(Locale.ROOT, "%d | cycle did not submit: %s%n", devices, seen.keySet());
                return;
            }
            double fetched = between(seen, "BiddingCycleOpened", "BidInputsFetched");
            double optimized = between(seen, "BidInputsFetched", "SchedulePrepared");
            double bidding = between(seen, "SchedulePrepared", "BidSubmitted");
            byte[] prepared = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND payload_type LIKE '%.SchedulePrepared'", byte[].class, bid.value());
            var gapNode = tools.jackson.databind.json.JsonMapper.builder().build().readTree(prepared).get("gapToBound");
            String gap = gapNode == null || gapNode.isNull() ? "n/a" : String.format(Locale.ROOT, "%.3f%%", 100 * gapNode.asDouble());
            String dispatch = dispatch(app, clock, market, day, bid, jdbc, specs);
            System.out.printf(Locale.ROOT, "%d | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s%n", devices,
                    batteries, register, readings, fetch, fetched, optimized, bidding, fetched + optimized + bidding, gap,
                    dispatch, batteries > 200 ? "aggregated by site" : "device level");
        }
    }

    /**
     * The bid's result and its dispatch: the whole bid is recorded as accepted at the day's prices just after gate
     * closure and the saga plans the dispatch (<b>plan</b>: result recorded → dispatch planned, the schedule made to
     * follow what cleared and stored); then the
     * first slot's step (<b>send</b>: the clock moved to its send instant → slot dispatched: conditions of every
     * device, shortfalls, re-dispatch, the outbox) and, after a reading from every device, its measurement
     * (<b>measure</b>: the clock moved past the slot's grace → slot delivered). Both steps include the deadline table's
     * poll (at most 0.5 s).
     */
    private static String dispatch(ConfigurableApplicationContext app, TestClock clock, BiddingMarket market,
                                   LocalDate day, BidId bid, JdbcTemplate jdbc, List<AssetSpec> specs) throws Exception {
        clock.advanceTo(market.gateClosure(day).plus(Duration.ofMinutes(1)));
        // The whole bid is recorded as accepted at the day's prices (not the exchange's verdict, which may clear
        // nothing for a benchmark fleet), so that there is a full day to dispatch.
        var submitted = app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(bid.value())
                .asStream().map(m -> m.getPayload()).filter(org.vpp.messages.bid.BidSubmitted.class::isInstance)
                .map(org.vpp.messages.bid.BidSubmitted.class::cast).findFirst().orElseThrow();
        var prices = app.getBean(org.vpp.sagas.port.PriceHistory.class).prices(bid.zone(),
                market.rules().deliveryStart(day), market.rules().deliveryEnd(day));
        List<org.vpp.messages.bid.ClearedSlot> cleared = new ArrayList<>();
        for (int t = 0; t < submitted.slots().size(); t++) {
            var slot = submitted.slots().get(t);
            cleared.add(new org.vpp.messages.bid.ClearedSlot(slot.start(), slot.quantity(),
                    org.vpp.kernel.EurPerMwh.of(prices.valueAt(slot.start()))));
        }
        long recorded = System.nanoTime();
        app.getBean(CommandGateway.class).sendAndWait(new org.vpp.messages.bid.RecordMarketResult(bid, clock.instant(), cleared));
        String dispatchId = org.vpp.messages.dispatch.DispatchId.forBid(bid).value();
        Map<String, Long> planned = await(jdbc, dispatchId, List.of("DispatchPlanned"));
        if (planned.isEmpty()) return "n/a (no dispatch) | n/a | n/a";
        double plan = (planned.get("DispatchPlanned") - recorded) / 1e9;
        var settings = app.getBean(org.vpp.sagas.dispatch.DispatchSettings.class);
        Instant slot = market.rules().deliveryStart(day);
        clock.advanceTo(slot.minus(settings.sendLead()));
        long sendAt = System.nanoTime();
        Map<String, Long> sent = await(jdbc, dispatchId, List.of("SlotDispatched"));
        double send = sent.isEmpty() ? Double.NaN : (sent.get("SlotDispatched") - sendAt) / 1e9;
        Instant end = slot.plus(market.rules().slotLength());
        List<ReadingInput> readings = new ArrayList<>();
        for (AssetSpec spec : specs) {
            if (!spec.kind().isGroup()) readings.add(ReadingInput.of(spec.id(), end, 0.0, spec.kind() == AssetKind.BATTERY ? 0.5 : null, true));
        }
        clock.advanceTo(end);
        ingest(app.getBean(TelemetryIngestion.class), readings);
        clock.advanceTo(end.plus(settings.measureGrace()));
        long measureAt = System.nanoTime();
        Map<String, Long> measured = await(jdbc, dispatchId, List.of("SlotDelivered"));
        double measure = measured.isEmpty() ? Double.NaN : (measured.get("SlotDelivered") - measureAt) / 1e9;
        return String.format(Locale.ROOT, "%.2f | %.2f | %.2f", plan, send, measure);
    }

    /** The real instant (nanoTime) the first of {@code types} appears for the aggregate; empty after two minutes. */
    private static Map<String, Long> await(JdbcTemplate jdbc, String aggregate, List<String> types) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (String type : jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " ORDER BY sequence_number", String.class, aggregate)) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                if (types.contains(simple)) return Map.of(simple, System.nanoTime());
            }
            Thread.sleep(2);
        }
        return Map.of();
    }

    /** A day of hourly readings for every PV, wind and load device, and a state of charge for every battery. */
    private static long history(TelemetryIngestion ingestion, List<AssetSpec> specs, Instant until) {
        List<ReadingInput> readings = new ArrayList<>();
        long total = 0;
        Instant from = until.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofDays(1));
        for (AssetSpec spec : specs) {
            switch (spec.kind()) {
                case PV, WIND, LOAD -> {
                    double sign = spec.kind() == AssetKind.LOAD ? -1 : 1;
                    for (Instant t = from; t.isBefore(until); t = t.plus(Duration.ofHours(1))) {
                        int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
                        double shape = spec.kind() == AssetKind.PV ? Math.max(0, Math.sin(Math.PI * (hour - 4) / 16)) : 0.5;
                        readings.add(ReadingInput.of(spec.id(), t, sign * 0.01 * shape, null, true));
                    }
                }
                case BATTERY -> readings.add(ReadingInput.of(spec.id(), until.minusSeconds(60), 0.0, 0.5, true));
                default -> {
                }
            }
            if (readings.size() >= 50_000) {
                total += ingest(ingestion, readings);
            }
        }
        return total + ingest(ingestion, readings);
    }

    private static long ingest(TelemetryIngestion ingestion, List<ReadingInput> readings) {
        Iterator<ReadingInput> it = List.copyOf(readings).iterator();
        var result = ingestion.ingest(it);
        readings.clear();
        return result.stored();
    }

    private static double between(Map<String, Long> seen, String from, String to) {
        return (seen.get(to) - seen.get(from)) / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
