package org.vpp.api.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vpp.api.support.GraphQl;

/**
 * Soak (issue 18): the application as a separate process with a demo world of {@code devices} simulated devices whose
 * twins send their telemetry through the ingestion path, a bidding cycle (started through GraphQL once the world is
 * up) and a manual dispatch running, and dashboards asking for the {@code fleet} of a site and of the whole tree at a
 * steady pace. It runs for a span of <em>simulated</em> time and takes a sample at every step of it, waiting on the
 * application's clock ({@code market.now}), never on its own:
 * <ul>
 *   <li>telemetry: readings stored for that step, and how far the newest reading lags the application's clock;</li>
 *   <li>memory: the heap right after a full collection ({@code jcmd GC.run}, then the JVM's own heap figure from
 *       {@code /actuator/prometheus}), and the process's resident set from {@code /proc};</li>
 *   <li>the {@code fleet} latency the dashboards saw in that step (p50, p99), and any answer that was not a clean 200;</li>
 *   <li>where the bid and the dispatch are, the dead letters, the alerts active, and the events appended in the step
 *       with how many of them were an asset's status changing (the telemetry watchdog's OFFLINE and ONLINE).</li>
 * </ul>
 * {@code ./vpp bench soak [devices] [simulated hours] [speed] [--application.option=value ...]} prints the table (docs/reliability.md); {@code SoakIT}
 * runs a short one in CI and checks what must hold whatever the machine.
 */
public final class SoakRun {

    /**
     * 16 June 2026, midnight UTC: a summer day whose PV, wind and prices all move. With the registration of 10,000
     * devices taking about three simulated hours at 60x, the cycle for the next day still has six before its gate
     * (noon in Berlin, less the safety margin) to forecast and optimize.
     */
    static final Instant START = Instant.parse("2026-06-16T00:00:00Z");
    private static final ZoneId MARKET_ZONE = ZoneId.of("Europe/Berlin");
    private static final String SITE_QUERY = "query($r: ID) { fleet(rootId: $r) { available { maxPowerMw } nodes { id depth status available { maxPowerMw currentPowerMw } } } }";
    private static final String TREE_QUERY = "query($r: ID) { fleet(rootId: $r) { installed { deviceCount maxPowerMw } available { deviceCount maxPowerMw minPowerMw storedEnergyMwh headroomMwh currentPowerMw } } }";
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+-]+)$");

    /**
     * @param devices    demo devices (about 1.4 assets each with their sites, regions and portfolio)
     * @param simulated  how much simulated time the soak covers once the world is up
     * @param speed      simulated seconds per real second
     * @param step       simulated time between two samples
     * @param twinStep   simulated time between two readings of a device
     * @param jvm        the application's JVM options
     * @param extra      further application options, e.g. {@code --vpp.telemetry.offline-after=PT2H}
     */
    record Settings(int devices, Duration simulated, double speed, Duration step, Duration twinStep, List<String> jvm,
                    List<String> extra) {

        Settings(int devices, Duration simulated, double speed, Duration step, Duration twinStep, List<String> jvm) {
            this(devices, simulated, speed, step, twinStep, jvm, List.of());
        }

        List<String> arguments() {
            List<String> arguments = new ArrayList<>(List.of("--vpp.simulation.devices=" + devices, "--vpp.simulation.seed=18", "--vpp.simulation.speed=" + speed,
                    "--vpp.simulation.start=" + START, "--vpp.simulation.twin-step=" + twinStep,
                    "--vpp.simulation.warm-up=P1D", "--vpp.simulation.horizon=P2D",
                    // silence is three missed readings, looked for once a reading (as `simulate` does)
                    "--vpp.telemetry.offline-after=" + twinStep.multipliedBy(3), "--vpp.telemetry.check-every=" + twinStep,
                    // the soak starts its own cycle once the world is up, whatever the registration took
                    "--vpp.bidding.enabled=false", "--vpp.bidding.lead-time=PT6H",
                    // its steps' budgets are application-clock time: at 60x, fetching 10,000 devices' forecasts
                    // takes more than the default simulated hour of real time, and optimizing them about two
                    "--vpp.bidding.inputs-within=PT3H", "--vpp.bidding.solver-grace=PT3H", "--vpp.bidding.draft-within=PT2H"));
            // an option given again replaces the soak's own (Spring would join the two values with a comma)
            for (String option : extra) {
                String name = option.substring(0, option.indexOf('=') + 1);
                arguments.removeIf(argument -> argument.startsWith(name));
                arguments.add(option);
            }
            return arguments;
        }
    }

    record Latency(int requests, int failed, double p50Millis, double p99Millis) {

        static Latency of(List<Long> nanos, int failed) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) return new Latency(0, failed, Double.NaN, Double.NaN);
            return new Latency(sorted.length, failed, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        }
    }

    /** @param telemetryLag the application's clock at the sample minus the newest reading stored (simulated time) */
    record Sample(Instant simulatedAt, double realSeconds, long readings, double readingsPerSecond, Duration telemetryLag,
                  long heapAfterGcBytes, long rssBytes, Latency site, Latency tree, String bid, int slotsSent,
                  int slotsMeasured, long deadLetters, long activeAlerts, long events, long statusChanges) {
    }

    /** @param onlineAtOpening devices available when the cycle was started */
    record Report(Settings settings, double startSeconds, int onlineAtOpening, String bidId, String dispatchId, List<Sample> samples, String log) {
    }

    private SoakRun() {
    }

    private static final String USAGE = "usage: ./vpp bench soak [devices] [simulated hours] [speed] [--application.option=value ...]";

    public static void main(String[] args) throws Exception {
        int devices = (int) positive(args, 0, "devices", 10_000, true);
        double hours = positive(args, 1, "simulated hours", 10, false);
        double speed = positive(args, 2, "speed", 60, false);
        // Anything after the three numbers goes to the application, e.g. --vpp.telemetry.offline-after=PT2H.
        List<String> extra = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        for (String option : extra) {
            if (!option.startsWith("--") || !option.contains("=")) fail("application options are --name=value, got '" + option + "'");
        }
        Settings settings = new Settings(devices, Duration.ofMinutes(Math.round(hours * 60)), speed, Duration.ofHours(1),
                Duration.ofMinutes(5), List.of("-Xmx4g"), extra);
        System.out.printf(Locale.ROOT, "soak: %d devices, %.1f simulated hours at x%.0f (about %.1f real minutes), twins every %s;"
                        + " machine: %d cores, JVM %s%s%n", devices, hours, speed, hours * 3600 / speed / 60, settings.twinStep(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), extra.isEmpty() ? "" : "; application options " + extra);
        Path root = Files.createTempDirectory("vpp-soak-");
        Report report = run(settings, root);
        System.out.println(table(report));
        System.exit(0);
    }

    /** The argument at {@code index}, or {@code fallback} when absent; anything but a positive finite number ends the run. */
    private static double positive(String[] args, int index, String name, double fallback, boolean whole) {
        if (args.length <= index) return fallback;
        String text = args[index];
        try {
            double value = whole ? Integer.parseInt(text) : Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value) && value <= 1_000_000) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(name + " must be a positive " + (whole ? "whole number" : "number") + " up to 1,000,000, got '" + text + "'");
        return fallback;
    }

    private static void fail(String reason) {
        System.err.println("vpp: " + reason + "\n" + USAGE);
        System.exit(2);
    }

    /** Runs the soak in {@code root} (data directory and log), stops the application and returns what it saw. */
    static Report run(Settings settings, Path root) throws Exception {
        Path dataDir = root.resolve("app");
        Path log = root.resolve("app.log");
        long t0 = System.nanoTime();
        ChildApplication app = ChildApplication.startOn("", dataDir, log, settings.arguments(), settings.jvm());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newCachedThreadPool();
        ExecutorService httpThreads = Executors.newFixedThreadPool(4);
        try {
            Duration startLimit = Duration.ofMinutes(5).plus(Duration.ofMillis(settings.devices() * 30L));
            app.awaitLog("twins, clock", startLimit, Duration.ofMillis(500));
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            GraphQl admin = GraphQl.asAdmin(app.port(), dataDir);
            String viewer = GraphQl.value(admin.ok("mutation { issueApiToken(input: {subject: \"soak-dashboard\", role: VIEWER}) { token } }"),
                    "issueApiToken.token");
            String site;
            try (Connection c = ChildApplication.connect(dataDir); var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT asset_id FROM asset_node WHERE kind = 'SITE' ORDER BY asset_id LIMIT 1")) {
                rs.next();
                site = rs.getString(1);
            }
            int online = awaitFleetOnline(admin, app, settings.devices());
            Instant now = now(admin);
            String bidId = startCycle(admin, now);
            String dispatchId = requestDispatch(admin, app, settings);

            // The dashboards: 8 ask for a site every 500 ms, 2 for the whole tree's capacity every second.
            ConcurrentLinkedQueue<long[]> siteTimes = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<long[]> treeTimes = new ConcurrentLinkedQueue<>();
            AtomicInteger window = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
            URI graphql = URI.create("http://localhost:" + app.port() + "/graphql");
            for (int i = 0; i < 8; i++) clients.submit(dashboard(http, graphql, viewer, SITE_QUERY, site, 500, running, window, siteTimes));
            for (int i = 0; i < 2; i++) clients.submit(dashboard(http, graphql, viewer, TREE_QUERY, "portfolio", 1000, running, window, treeTimes));

            List<Sample> samples = new ArrayList<>();
            AtomicLong storedBefore = new AtomicLong();
            AtomicLong lastEvent = new AtomicLong();
            try (Connection c = ChildApplication.connect(dataDir)) {
                storedBefore.set(number(c, "SELECT count(*) FROM telemetry_reading WHERE at >= ?", START));
                lastEvent.set(number(c, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry"));
            }
            Instant from = now;
            Instant end = now.plus(settings.simulated());
            Duration stepLimit = Duration.ofMinutes(2).plus(Duration.ofMillis((long) (settings.step().toMillis() * 10 / settings.speed())));
            while (from.isBefore(end)) {
                Instant to = from.plus(settings.step());
                long realStep = System.nanoTime();
                AtomicReference<Instant> clock = new AtomicReference<>();
                await("the application's clock at " + to).atMost(stepLimit).pollInterval(Duration.ofMillis(500)).pollDelay(Duration.ZERO)
                        .until(() -> {
                            if (!app.alive()) throw new AssertionError("The application ended during the soak:\n" + ChildApplication.tail(app.log()));
                            clock.set(now(admin));
                            return !clock.get().isBefore(to);
                        });
                int closed = window.getAndIncrement();
                double real = (System.nanoTime() - realStep) / 1e9;
                samples.add(sample(app, dataDir, from, to, clock.get(), real, bidId, dispatchId,
                        latencies(siteTimes, closed), latencies(treeTimes, closed), storedBefore, lastEvent));
                from = to;
            }
            return new Report(settings, startSeconds, online, bidId, dispatchId, samples, app.log());
        } finally {
            running.set(false);
            clients.shutdownNow();
            httpThreads.shutdownNow();
            app.close();
            ChildApplication.cleanUp(dataDir);
        }
    }

    private static Instant now(GraphQl client) {
        return Instant.parse(GraphQl.value(client.ok("{ market { now } }"), "market.now"));
    }

    /**
     * The demo world's clock runs while it registers, so its devices are silent, and OFFLINE, until their twins start
     * reporting; a cycle opened then plans nothing. Waits (at most three minutes) until nine in ten are available.
     */
    private static int awaitFleetOnline(GraphQl admin, ChildApplication app, int devices) {
        AtomicInteger online = new AtomicInteger();
        try {
            await("the fleet online").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO)
                    .until(() -> {
                        if (!app.alive()) throw new AssertionError("ended before the fleet was online:\n" + ChildApplication.tail(app.log()));
                        Number count = GraphQl.value(admin.ok("{ fleet(rootId: \"portfolio\") { available { deviceCount } } }"),
                                "fleet.available.deviceCount");
                        online.set(count.intValue());
                        return online.get() >= devices * 0.9;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the soak goes on and reports how many were online
        }
        return online.get();
    }

    /** The cycle for the first delivery day whose gate (noon in the market's zone) is still ahead with a margin. */
    private static String startCycle(GraphQl admin, Instant now) {
        String start = "mutation($d: Date!) { startBiddingCycle(input: {deliveryDay: $d}) { bid { id } errors { field code message } } }";
        LocalDate today = now.atZone(MARKET_ZONE).toLocalDate();
        List<Object> refusals = new ArrayList<>();
        for (LocalDate day = today.plusDays(1); !day.isAfter(today.plusDays(2)); day = day.plusDays(1)) {
            Map<String, Object> answer = GraphQl.value(admin.ok(start, Map.of("d", day.toString())), "startBiddingCycle");
            if (((List<?>) answer.get("errors")).isEmpty()) return (String) ((Map<?, ?>) answer.get("bid")).get("id");
            refusals.add(answer.get("errors"));
        }
        throw new AssertionError("no bidding cycle could be started at " + now + ": " + refusals);
    }

    /**
     * A manual dispatch over the soak's span: the portfolio 0.5 MW above (or below, or by less) its plan, from the next
     * hour. Right after start some devices have not reported yet, and a refusal for headroom is the product's correct
     * answer then, so it asks again once a second until one is taken.
     */
    private static String requestDispatch(GraphQl admin, ChildApplication app, Settings settings) {
        String request = "mutation($input: RequestDispatchInput!) { requestDispatch(input: $input) { dispatch { id } errors { field code message } } }";
        AtomicReference<String> taken = new AtomicReference<>();
        List<Object> refusals = new ArrayList<>();
        try {
            await("a manual dispatch taken").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO)
                    .until(() -> {
                        if (!app.alive()) throw new AssertionError("ended before a manual dispatch:\n" + ChildApplication.tail(app.log()));
                        Instant start = now(admin).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                        Instant end = start.plus(settings.simulated().truncatedTo(ChronoUnit.HOURS).plusHours(1));
                        refusals.clear();
                        for (double mw : List.of(0.5, -0.5, 0.2, -0.2)) {
                            Map<String, Object> input = Map.of("nodeId", "portfolio", "powerMw", mw, "start", start.toString(),
                                    "end", end.toString(), "reason", "soak");
                            Map<String, Object> answer = GraphQl.value(admin.ok(request, Map.of("input", input)), "requestDispatch");
                            if (((List<?>) answer.get("errors")).isEmpty()) {
                                taken.set((String) ((Map<?, ?>) answer.get("dispatch")).get("id"));
                                return true;
                            }
                            refusals.add(answer.get("errors"));
                        }
                        return false;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("every manual dispatch refused for 2 minutes, the last time: " + refusals, e);
        }
        return taken.get();
    }

    private static Runnable dashboard(HttpClient http, URI uri, String token, String document, String root, long everyMillis,
                                      AtomicBoolean running, AtomicInteger window, ConcurrentLinkedQueue<long[]> times) {
        String body = "{\"query\": \"" + document.replace("\"", "\\\"") + "\", \"variables\": {\"r\": \"" + root + "\"}}";
        return () -> {
            long next = System.nanoTime() + java.util.concurrent.ThreadLocalRandom.current().nextLong(everyMillis * 1_000_000L);
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                next += everyMillis * 1_000_000L;
                int w = window.get();
                long t = System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ok = response.statusCode() == 200 && !response.body().contains("\"errors\"");
                } catch (IOException e) {
                    ok = false;
                } catch (InterruptedException e) {
                    return;
                }
                if (running.get()) times.add(new long[]{w, ok ? System.nanoTime() - t : -1});
            }
        };
    }

    private static Latency latencies(ConcurrentLinkedQueue<long[]> times, int window) {
        List<Long> nanos = new ArrayList<>();
        int failed = 0;
        for (long[] t : times) {
            if (t[0] != window) continue;
            if (t[1] < 0) failed++;
            else nanos.add(t[1]);
        }
        times.removeIf(t -> t[0] <= window);
        return Latency.of(nanos, failed);
    }

    private static Sample sample(ChildApplication app, Path dataDir, Instant from, Instant to, Instant clock, double realSeconds,
                                 String bidId, String dispatchId, Latency site, Latency tree, AtomicLong storedBefore,
                                 AtomicLong lastEvent)
            throws Exception {
        long heap = heapAfterGc(app, dataDir);
        long rss = rss(app.pid());
        try (Connection c = ChildApplication.connect(dataDir)) {
            // Readings stored during the step: all readings stamped after the soak's start, less those counted before.
            long stored = number(c, "SELECT count(*) FROM telemetry_reading WHERE at >= ?", START);
            long readings = stored - storedBefore.getAndSet(stored);
            Instant newest = instant(c, "SELECT max(at) FROM telemetry_reading WHERE at >= ?", from.minus(Duration.ofHours(6)));
            String bid = text(c, "SELECT status || coalesce(' ' || outcome, '') FROM bid WHERE bid_id = ?", bidId);
            int sent = (int) number(c, "SELECT count(*) FROM dispatch_slot WHERE dispatch_id = ? AND dispatched_at IS NOT NULL", dispatchId);
            int measured = (int) number(c, "SELECT count(*) FROM dispatch_slot WHERE dispatch_id = ? AND measured_at IS NOT NULL", dispatchId);
            long dead = number(c, "SELECT count(*) FROM dead_letter_entry");
            long alerts = number(c, "SELECT count(*) FROM alert WHERE active");
            // Events appended in the step, and how many of them were an asset's status changing (the watchdog's work).
            long events;
            long statusChanges;
            try (PreparedStatement st = statement(c, "SELECT count(*), count(*) FILTER (WHERE payload_type LIKE '%AssetStatusChanged'),"
                    + " coalesce(max(global_index), ?) FROM domain_event_entry WHERE global_index > ?", lastEvent.get(), lastEvent.get());
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                events = rs.getLong(1);
                statusChanges = rs.getLong(2);
                lastEvent.set(rs.getLong(3));
            }
            Duration lag = newest == null ? null : Duration.between(newest, clock);
            return new Sample(to, realSeconds, readings, readings / realSeconds, lag, heap, rss, site, tree, bid, sent, measured, dead, alerts, events, statusChanges);
        }
    }

    /** A full collection in the application's JVM, then its heap in use as the JVM reports it. */
    private static long heapAfterGc(ChildApplication app, Path dataDir) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), "GC.run").redirectErrorStream(true).start();
        String out = new String(gc.getInputStream().readAllBytes());
        if (gc.waitFor() != 0) throw new IllegalStateException("jcmd GC.run failed: " + out);
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + GraphQl.adminToken(dataDir)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HEAP.matcher(metrics);
        double used = 0;
        while (m.find()) used += Double.parseDouble(m.group(1));
        return (long) used;
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        return -1;
    }

    private static long number(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = statement(c, sql, args); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Instant instant(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = statement(c, sql, args); ResultSet rs = st.executeQuery()) {
            rs.next();
            var ts = rs.getTimestamp(1);
            return ts == null ? null : ts.toInstant();
        }
    }

    private static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = statement(c, sql, args); ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : "(none)";
        }
    }

    private static PreparedStatement statement(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            st.setObject(i + 1, a instanceof Instant at ? java.sql.Timestamp.from(at) : a);
        }
        return st;
    }

    static String table(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "world up after %.0f s; %d of %d devices online when the cycle was started; bid %s, manual dispatch %s%n", report.startSeconds(),
                report.onlineAtOpening(), report.settings().devices(),
                report.bidId(), report.dispatchId()));
        out.append(String.format(Locale.ROOT, "%-17s %6s %9s %9s %8s %9s %8s %-26s %-26s %-22s %5s %5s %4s %6s %7s %6s%n", "simulated until",
                "real s", "readings", "per s", "lag", "heap MB", "RSS MB", "fleet site p50/p99 (n)", "fleet tree p50/p99 (n)",
                "bid", "sent", "meas.", "dead", "alerts", "events", "status"));
        for (Sample s : report.samples()) {
            out.append(String.format(Locale.ROOT, "%-17s %6.1f %9d %9.0f %8s %9.0f %8.0f %-26s %-26s %-22s %5d %5d %4d %6d %7d %6d%n",
                    s.simulatedAt().toString().substring(0, 16), s.realSeconds(), s.readings(), s.readingsPerSecond(),
                    s.telemetryLag() == null ? "-" : s.telemetryLag().toSeconds() / 60 + " min",
                    s.heapAfterGcBytes() / 1048576.0, s.rssBytes() / 1048576.0, latency(s.site()), latency(s.tree()), s.bid(),
                    s.slotsSent(), s.slotsMeasured(), s.deadLetters(), s.activeAlerts(), s.events(), s.statusChanges()));
        }
        List<Sample> later = report.samples().subList(report.samples().size() / 2, report.samples().size());
        List<Sample> earlier = report.samples().subList(0, report.samples().size() / 2);
        if (!earlier.isEmpty()) {
            out.append(String.format(Locale.ROOT, "heap after GC, mean of the first half %.0f MB, of the second half %.0f MB;"
                            + " RSS %.0f MB -> %.0f MB%n", mean(earlier, Sample::heapAfterGcBytes) / 1048576.0,
                    mean(later, Sample::heapAfterGcBytes) / 1048576.0, mean(earlier, Sample::rssBytes) / 1048576.0,
                    mean(later, Sample::rssBytes) / 1048576.0));
        }
        return out.toString();
    }

    private static String latency(Latency l) {
        return String.format(Locale.ROOT, "%.0f/%.0f ms (%d%s)", l.p50Millis(), l.p99Millis(), l.requests(),
                l.failed() == 0 ? "" : ", " + l.failed() + " failed");
    }

    private static double mean(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).average().orElse(Double.NaN);
    }
}
