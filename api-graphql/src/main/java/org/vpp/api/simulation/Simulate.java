package org.vpp.api.simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.bidding.BiddingProperties;
import org.vpp.api.bidding.DeviceForecasts;
import org.vpp.api.bidding.FleetSnapshot;
import org.vpp.api.bidding.Json;
import org.vpp.api.dispatch.DeviceSetpointStore;
import org.vpp.api.processing.ProcessorLags;
import org.vpp.api.telemetry.TelemetryIngestion;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TimeSeries;
import org.vpp.messages.bid.BidAccepted;
import org.vpp.messages.bid.BidId;
import org.vpp.messages.bid.BidInputsFetched;
import org.vpp.messages.bid.BidPartiallyAccepted;
import org.vpp.messages.bid.BidSubmitted;
import org.vpp.messages.bid.BiddingCycleAborted;
import org.vpp.messages.bid.SchedulePrepared;
import org.vpp.messages.dispatch.DispatchId;
import org.vpp.messages.dispatch.DispatchSettled;
import org.vpp.messages.dispatch.SlotDelivered;
import org.vpp.query.content.ContentStore;
import org.vpp.sagas.bidding.BiddingMarket;
import org.vpp.sagas.clock.ProcessDriver;
import org.vpp.sagas.port.BiddingInputs;
import org.vpp.sagas.port.PriceHistory;
import org.vpp.simulator.clock.SteppedClock;
import org.vpp.simulator.csv.CsvFormat;
import org.vpp.simulator.csv.CsvImportException;
import org.vpp.simulator.csv.CsvTimeSeriesImporter;
import org.vpp.simulator.demo.AssetSpec;
import org.vpp.simulator.demo.DemoFleet;
import org.vpp.simulator.demo.DemoWorld;
import org.vpp.simulator.twin.DeviceTwin;
import org.vpp.simulator.twin.MeasurementNoise;
import org.vpp.simulator.twin.OutageModel;

/**
 * {@code ./vpp simulate}: a headless run of whole delivery days through the real application (aggregates, sagas,
 * projections, optimizer, exchange, dispatch and settlement) on a stepped clock, minute by minute, ending with a
 * report against the perfect-foresight optimum of the same days ({@link SimulationReport}).
 * <p>
 * Each minute the clock moves, the twins report, the processes due run, and the run waits until the application is
 * quiet: every event processor has caught up with the event store and no deadline due is left. So every step of a
 * cycle or a dispatch happens at the same simulated instant whatever the machine's speed, and the same seed gives
 * the same report (the optimizer stops by its move limit, the forecaster's model search is not cut by time here).
 */
public final class Simulate {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    /** The calendar of the demo market (vpp.bidding.time-zone's default): delivery days, local times in files. */
    private static final String MARKET_ZONE = "Europe/Berlin";
    /** How long the run waits for the application to be quiet at one instant before it gives up. */
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(20);

    private Simulate() {
    }

    /** The stepped clock as the application's only time source (not a component: only a simulate run adds it). */
    public static class SteppedClockSource {
        static volatile SteppedClock next;

        @Bean
        @Primary
        public SteppedClock simulateClock() {
            return next;
        }
    }

    public static void main(String[] args) {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(List.of(args));
            checkFiles(options);
        } catch (SimulateOptions.Refused | CsvImportException e) {
            System.err.println("simulate refused: " + e.getMessage());
            if (e instanceof SimulateOptions.Refused) System.err.print(SimulateOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            SimulationReport report = run(options, System.out, System.console() != null);
            System.out.println(report.text());
            System.out.println("report written to " + options.out().toAbsolutePath() + " (report.txt, report.json, report.html)");
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("simulate failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /**
     * Reads every given CSV once, as the run will read it (prices in EUR/MWh, profiles in MW, local times in the
     * market's zone): a malformed one is refused naming its lines, and one that does not cover the run (its history
     * included) naming its flag and both periods, before anything runs.
     */
    static Map<String, TimeSeries> checkFiles(SimulateOptions o) {
        ZoneId zone = ZoneId.of(MARKET_ZONE);
        Instant needFrom = o.firstDay().minusDays(1).atStartOfDay(zone).toInstant().minus(Duration.ofDays(o.historyDays()));
        Instant needTo = o.firstDay().plusDays(o.days() + 1).atStartOfDay(zone).toInstant();
        Map<String, TimeSeries> profiles = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("--prices", o.prices());
        files.put("--pv", o.pv());
        files.put("--wind", o.wind());
        files.put("--load", o.load());
        for (var entry : files.entrySet()) {
            Path file = entry.getValue();
            if (file == null) continue;
            var unit = entry.getKey().equals("--prices") ? org.vpp.simulator.series.Unit.EUR_PER_MWH : org.vpp.simulator.series.Unit.MW;
            TimeSeries series;
            try {
                series = CsvTimeSeriesImporter.read(file, CsvFormat.of(unit).withLocalZone(zone)).series();
            } catch (CsvImportException e) {
                throw new CsvImportException(entry.getKey() + " " + e.source(), e.problems(), false);
            }
            if (series.start().isAfter(needFrom) || series.end().isBefore(needTo)) {
                throw new SimulateOptions.Refused(entry.getKey(), file + " covers " + series.start() + " to " + series.end()
                        + "; the run needs " + needFrom + " to " + needTo + " (" + o.historyDays() + " days of history, the day before delivery,"
                        + " the delivery days and the day after)");
            }
            profiles.put(entry.getKey(), series);
        }
        return profiles;
    }

    private static java.util.Optional<Path> nullable(Path p) {
        return java.util.Optional.ofNullable(p);
    }

    /** How the application is started for a run (the database's arguments aside). */
    static List<String> applicationArguments(SimulateOptions options) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.vpp=WARN",
                "--vpp.simulation.enabled=false", "--vpp.processes.enabled=false", "--vpp.bidding.enabled=true",
                "--vpp.bidding.solver-budget=PT120S", "--vpp.bidding.solver-grace=PT2H",
                "--vpp.forecast.enabled=" + options.forecast().equals("trained"),
                "--vpp.forecast.search-budget=PT30M", "--vpp.forecast.infer-every=PT1H",
                // The clock waits for the training, and nothing else runs meanwhile: both cores train (one source each).
                "--vpp.forecast.threads=2",
                "--vpp.telemetry.offline-after=PT15M", "--vpp.telemetry.check-every=PT5M",
                "--vpp.alerts.check-every=PT5M",
                // The world's seed, so the weather service forecasts the weather its twins live in, and the imbalance
                // prices draw from the same seed as the rest of the run.
                "--vpp.simulation.seed=" + options.seed(), "--vpp.simulation.weather-forecasts=true"));
        // Tracking processors wake as soon as an event is stored; pooled ones look again every half second, which at
        // a few hundred waits per simulated day was three quarters of the run. What they do is the same.
        for (String group : List.of("fleet", "forecasts", "bids", "dispatches", "alerts")) {
            args.add("--axon.eventhandling.processors." + group + ".mode=tracking");
        }
        if (options.prices() != null) args.add("--vpp.prices.csv=" + options.prices().toAbsolutePath());
        return args;
    }

    /**
     * Runs the days and writes the report into {@code options.out()}.
     *
     * @param progress where progress goes: a bar redrawn in place on a terminal, plain lines otherwise
     */
    public static SimulationReport run(SimulateOptions options, PrintStream progress, boolean terminal) {
        Map<String, TimeSeries> profiles = checkFiles(options);
        long t0 = System.nanoTime();
        ZoneId zone = ZoneId.of(MARKET_ZONE);
        Instant start = options.firstDay().minusDays(1).atStartOfDay(zone).toInstant();
        Instant end = options.firstDay().plusDays(options.days()).atStartOfDay(zone).toInstant().plus(Duration.ofHours(8));
        Path data = null;
        List<String> args = applicationArguments(options);
        try {
            if (options.databaseUrl() != null) {
                args.add("--vpp.database.url=" + options.databaseUrl());
            } else {
                data = Files.createTempDirectory("vpp-simulate-");
                args.add("--vpp.database.url="); // a fresh embedded store, whatever VPP_DATABASE_URL says
                args.add("--vpp.data-dir=" + data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SteppedClock clock = new SteppedClock(start, zone);
        SteppedClockSource.next = clock;
        Map<String, Double> stepSeconds = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VppApplication.class, SteppedClockSource.class)
                .run(args.toArray(String[]::new))) {
            stepSeconds.put("start", seconds(t0));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            if (events != null && events > 0) {
                throw new IllegalStateException("the database already holds " + events + " events: simulate needs an empty one");
            }
            long t1 = System.nanoTime();
            List<AssetSpec> specs = DemoFleet.generate(options.devices(), options.seed());
            app.getBean(DemoFleetRegistration.class).registerIfAbsent(specs);
            stepSeconds.put("register", seconds(t1));

            long t2 = System.nanoTime();
            PriceHistory prices = app.getBean(PriceHistory.class);
            BiddingMarket market = app.getBean(BiddingMarket.class);
            Instant historyFrom = start.minus(Duration.ofDays(options.historyDays()));
            Duration span = Duration.between(historyFrom, end.plus(Duration.ofDays(1)));
            DemoWorld world = DemoWorld.build(specs, clock, historyFrom, span, options.seed(),
                    new OutageModel(Duration.ofDays(20), Duration.ofHours(6)), MeasurementNoise.typical(),
                    MarketPrices.from(prices, market.zone(), historyFrom, span), profiled(specs, profiles), Map.of());
            SimulationDriver driver = new SimulationDriver(world, app.getBean(TelemetryIngestion.class)::ingest, MINUTE,
                    historyFrom, app.getBean(DeviceSetpointStore.class)::effectiveBetween);
            driver.catchUp(start, QUARTER);
            stepSeconds.put("history", seconds(t2));

            long t3 = System.nanoTime();
            ProcessDriver processes = app.getBean(ProcessDriver.class);
            ProcessorLags lags = app.getBean(ProcessorLags.class);
            var deadlines = app.getBean(com.github.kagkarlsson.scheduler.Scheduler.class);
            Progress bar = new Progress(progress, terminal, start, end);
            long quietNanos = 0;
            while (clock.now().isBefore(end)) {
                clock.advance(MINUTE);
                Instant now = clock.now();
                driver.tick(now);
                processes.runDue().join();
                long q = System.nanoTime();
                awaitQuiet(jdbc, lags, deadlines, now);
                quietNanos += System.nanoTime() - q;
                bar.at(now);
            }
            bar.done();
            stepSeconds.put("days", seconds(t3));
            stepSeconds.put("of which waiting for the application", quietNanos / 1e9);

            long t4 = System.nanoTime();
            SimulationReport report = report(app, options, world, market, zone, stepSeconds);
            stepSeconds.put("report", seconds(t4));
            report = report.withTimings(stepSeconds, seconds(t0));
            report.write(options.out());
            return report;
        } finally {
            SteppedClockSource.next = null;
            if (data != null) deleteQuietly(data);
        }
    }

    /** Each device of a kind with a profile follows the profile scaled to its size (the profile's peak = its maximum). */
    static Map<String, TimeSeries> profiled(List<AssetSpec> specs, Map<String, TimeSeries> profiles) {
        Map<String, TimeSeries> out = new HashMap<>();
        for (AssetSpec s : specs) {
            String flag = switch (s.kind()) {
                case PV -> "--pv";
                case WIND -> "--wind";
                case LOAD -> "--load";
                default -> null;
            };
            TimeSeries profile = flag == null ? null : profiles.get(flag);
            if (profile == null) continue;
            double peak = Math.max(1e-9, Math.max(Math.abs(profile.max()), Math.abs(profile.min())));
            double size = s.kind() == AssetKind.LOAD ? Math.abs(s.limits().minPowerMw()) : s.limits().maxPowerMw();
            out.put(s.id(), profile.map(v -> Math.abs(v) / peak * size));
        }
        return out;
    }

    /** Until every processor has caught up with the event store and no deadline due at {@code now} is left. */
    private static void awaitQuiet(JdbcTemplate jdbc, ProcessorLags lags, com.github.kagkarlsson.scheduler.Scheduler deadlines, Instant now) {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        Timestamp at = Timestamp.from(now);
        long pause = 1;
        while (true) {
            boolean caughtUp = lags.now().values().stream().allMatch(l -> l == 0);
            Long due = caughtUp ? jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?", Long.class, at) : null;
            if (due != null && due > 0) deadlines.triggerCheckForDueExecutions(); // rather than its next poll, up to 0.5 s away
            if (caughtUp && due != null && due == 0) {
                // Caught up twice in a row: a handler may have sent a command whose event is not yet in the store.
                if (lags.now().values().stream().allMatch(l -> l == 0)) return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not settle at " + now + " within " + QUIET_WITHIN
                        + ": processor lags " + lags.now() + ", deadlines due " + due);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause = Math.min(20, pause * 2);
        }
    }

    // --- the report ---------------------------------------------------------------------------------------------------

    private static SimulationReport report(ConfigurableApplicationContext app, SimulateOptions options, DemoWorld world,
                                           BiddingMarket market, ZoneId zone, Map<String, Double> timings) {
        EventStore store = app.getBean(EventStore.class);
        ContentStore contents = app.getBean(ContentStore.class);
        Json json = app.getBean(Json.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        PriceHistory prices = app.getBean(PriceHistory.class);
        BiddingInputs inputs = app.getBean(BiddingInputs.class);
        double generatorCost = app.getBean(BiddingProperties.class).generatorCost();
        Map<String, DeviceTwin> twins = new HashMap<>();
        world.twins().forEach(t -> twins.put(t.assetId(), t));
        List<SimulationReport.Day> days = new ArrayList<>();
        for (int i = 0; i < options.days(); i++) {
            LocalDate day = options.firstDay().plusDays(i);
            BidId bid = market.bidId(day);
            Instant from = market.rules().deliveryStart(day);
            Instant to = market.rules().deliveryEnd(day);
            Duration slot = market.rules().slotLength();
            int n = (int) Duration.between(from, to).dividedBy(slot);
            List<Object> bidEvents = payloads(store, bid.value());
            List<Object> dispatchEvents = payloads(store, DispatchId.forBid(bid).value());
            BidInputsFetched fetched = first(bidEvents, BidInputsFetched.class);
            SchedulePrepared prepared = first(bidEvents, SchedulePrepared.class);
            BiddingCycleAborted aborted = first(bidEvents, BiddingCycleAborted.class);
            DispatchSettled settled = first(dispatchEvents, DispatchSettled.class);
            double[] actualPrices = prices.prices(market.zone(), from, to).values();
            SimulationReport.DayBuilder d = new SimulationReport.DayBuilder(day, bid.value());
            d.status = aborted != null ? "aborted: " + aborted.reason()
                    : settled != null ? "settled" : first(bidEvents, BidSubmitted.class) != null ? "submitted, not settled" : "no bid";
            d.accepted = bidEvents.stream().anyMatch(e -> e instanceof BidAccepted || e instanceof BidPartiallyAccepted);
            if (prepared != null) {
                d.gap = prepared.gapToBound();
                d.expectedRevenueEur = prepared.expectedRevenueEur();
            }
            if (settled != null) {
                d.revenueEur = settled.revenueEur().doubleValue();
                d.imbalanceEur = settled.imbalanceEur().doubleValue();
            }
            for (Object e : dispatchEvents) {
                if (e instanceof SlotDelivered s) {
                    d.committedMwh += Math.abs(s.target().value()) * hours(slot);
                    d.deliveredMwh += Math.abs(s.delivered().value()) * hours(slot);
                    d.deviationMwh += Math.abs(s.deviation().value()) * hours(slot);
                    for (var c : s.causes()) d.deviationCause(c.assetId(), c.cause(), Math.abs(c.deviation().value()) * hours(slot));
                }
            }
            if (fetched == null) {
                days.add(d.build());
                continue;
            }
            FleetSnapshot fleet = json.read(contents.read(fetched.fleetSnapshot()).orElseThrow(), FleetSnapshot.class);
            DeviceForecasts used = json.read(contents.read(fetched.deviceForecasts()).orElseThrow(), DeviceForecasts.class);
            Metered metered = Metered.read(jdbc, fleet, from, to, slot, n);
            Map<String, double[]> actual = new HashMap<>();
            for (DeviceForecasts.Series s : used.series()) {
                DeviceTwin twin = twins.get(s.deviceId());
                if (twin == null) continue;
                double[] mw = new double[n];
                double[] availableShare = metered.availableShare(s.deviceId());
                for (int t = 0; t < n; t++) {
                    double sum = 0;
                    int count = 0;
                    for (Instant m = from.plus(slot.multipliedBy(t)); m.isBefore(from.plus(slot.multipliedBy(t + 1))); m = m.plus(MINUTE)) {
                        var p = twin.potentialMw(m);
                        if (p.isPresent()) {
                            sum += p.getAsDouble();
                            count++;
                        }
                    }
                    double mean = count == 0 ? 0 : sum / count;
                    mw[t] = Math.abs(mean) * availableShare[t]; // loads: consumption, positive, as the cycle's forecasts hold it
                }
                actual.put(s.deviceId(), mw);
                // The forecast the bid used, and seasonal naive from the meters (the same slot a day or two before).
                String kind = fleet.devices().stream().filter(x -> x.id().equals(s.deviceId())).findFirst().map(x -> x.kind().name()).orElse("?");
                double[] naive = metered.naive(s.deviceId(), fetched.at());
                double[] meteredMw = metered.meanMw(s.deviceId());
                double sign = kind.equals("LOAD") ? -1 : 1;
                for (int t = 0; t < n; t++) {
                    if (Double.isNaN(meteredMw[t])) continue;
                    double truth = sign * meteredMw[t];
                    d.forecastError(kind, Math.abs(s.mw()[t] - truth), Double.isNaN(naive[t]) ? Double.NaN : Math.abs(sign * naive[t] - truth),
                            s.model());
                }
            }
            var quotes = inputs.priceQuotes(fetched.priceForecast().forecastId());
            double[] yesterday = prices.prices(market.zone(), from.minus(Duration.ofDays(1)), to.minus(Duration.ofDays(1))).values();
            for (var q : quotes) {
                int t = (int) Duration.between(from, q.start()).dividedBy(slot);
                if (t < 0 || t >= n || t >= yesterday.length) continue;
                d.forecastError("PRICE", Math.abs(q.expected().value() - actualPrices[t]), Math.abs(yesterday[t] - actualPrices[t]), "price forecast");
            }
            List<Double> priceList = new ArrayList<>();
            for (double p : actualPrices) priceList.add(p);
            var problem = PerfectForesight.problem(fleet, used, actual, metered.socAtStart(), priceList, generatorCost);
            var solution = PerfectForesight.solve(problem);
            d.perfectForesightEur = solution.objectiveEur();
            d.perfectForesightSolver = solution.solver() + " " + solution.status();
            // The realised day on the same yardstick: what settled, minus fuel, wear and the stored energy used up.
            d.fuelEur = metered.generatorMwh() * generatorCost;
            var wear = PerfectForesight.wearByBattery(problem);
            var terminal = PerfectForesight.terminalByBattery(problem);
            for (var b : wear.entrySet()) d.wearEur += metered.throughputMwh(b.getKey()) * b.getValue();
            for (var b : terminal.entrySet()) {
                double endMwh = metered.socAtEnd().getOrDefault(b.getKey(), Double.NaN) * b.getValue()[2];
                if (!Double.isNaN(endMwh)) d.storageUsedEur += Math.max(0, b.getValue()[0] - endMwh) * b.getValue()[1];
            }
            days.add(d.build());
        }
        Map<String, Long> events = new LinkedHashMap<>();
        jdbc.query("SELECT payload_type, count(*) FROM domain_event_entry GROUP BY payload_type ORDER BY payload_type",
                rs -> {
                    String type = rs.getString(1);
                    events.merge(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2), Long::sum);
                });
        return new SimulationReport(options.days(), options.devices(), options.seed(), options.firstDay(), options.forecast(),
                options.prices() == null ? "synthetic (seeded)" : options.prices().getFileName().toString(), days, events,
                timings, 0);
    }

    private static double hours(Duration d) {
        return d.toSeconds() / 3600.0;
    }

    private static List<Object> payloads(EventStore store, String aggregate) {
        try (Stream<? extends org.axonframework.eventhandling.DomainEventMessage<?>> s = store.readEvents(aggregate).asStream()) {
            return s.map(Message::getPayload).map(Object.class::cast).toList();
        }
    }

    private static <T> T first(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }

    /** A bar redrawn in place on a terminal, a plain line every six simulated hours otherwise. */
    private static final class Progress {
        private final PrintStream out;
        private final boolean terminal;
        private final Instant start;
        private final Instant end;
        private Instant lastLine;

        Progress(PrintStream out, boolean terminal, Instant start, Instant end) {
            this.out = out;
            this.terminal = terminal;
            this.start = start;
            this.end = end;
        }

        void at(Instant now) {
            double share = (double) Duration.between(start, now).toMinutes() / Duration.between(start, end).toMinutes();
            if (terminal) {
                if (now.getEpochSecond() % 900 != 0) return;
                int filled = (int) Math.round(40 * share);
                out.printf(Locale.ROOT, "\r[%s%s] %5.1f %%  %s", "#".repeat(filled), " ".repeat(40 - filled), 100 * share, now);
                out.flush();
            } else if (lastLine == null || !now.isBefore(lastLine.plus(Duration.ofHours(6)))) {
                lastLine = now;
                out.printf(Locale.ROOT, "simulate: %5.1f %% at %s%n", 100 * share, now);
            }
        }

        void done() {
            if (terminal) out.println();
            out.printf(Locale.ROOT, "simulate: days done at %s%n", end);
        }
    }
}
