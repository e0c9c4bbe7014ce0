package org.vpp.api.reliability;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.vpp.api.support.Fleet;
import org.vpp.api.support.GraphQl;

/**
 * Scale-out benchmark ({@code ./vpp bench scaleout [devices] [senders] [readings]}): the same work on one application
 * process, then on two processes sharing one PostgreSQL (docs/benchmarks.md, "Scale-out"). Each run starts on a fresh
 * embedded database and measures, through the real entry points:
 * <ul>
 *   <li>registrations: {@code registerAsset} mutations from {@code senders} clients (spread over the instances), each
 *       answered once its own read model shows it, so the rate includes command handling, the event store and the
 *       fleet projection;</li>
 *   <li>telemetry: NDJSON batches of 1,000 readings to {@code /api/telemetry} from the same clients;</li>
 *   <li>the segment split: which instance handled how many asset events (each event once).</li>
 * </ul>
 * Prints figures; asserts nothing. Full JIT, 2 GiB heap per instance.
 */
public final class ScaleOutBenchmark {

    private static final String SECRET = "scale-out-bench-signing-key-0123456789abcdef";
    private static final List<String> ARGUMENTS = List.of("--vpp.simulation.enabled=false", "--vpp.telemetry.offline-after=PT1H",
            "--vpp.telemetry.check-every=PT1H", "--vpp.bidding.enabled=false", "--vpp.forecast.enabled=false",
            "--vpp.alerts.enabled=false", "--vpp.security.token-secret=" + SECRET, "--vpp.processing.balance-every=PT1S",
            "--vpp.security.mutations-per-minute=10000000", "--vpp.security.telemetry-requests-per-minute=10000000",
            "--logging.level.root=WARN", "--logging.level.org.vpp.api.config.StartupReport=INFO");
    private static final List<String> JVM = List.of("-Xmx2g");
    private static final Duration START = Duration.ofMinutes(4);

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int readings = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s; %d devices, %d senders, %d readings%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), devices, senders, readings);
        Result one = run(1, devices, senders, readings);
        Result two = run(2, devices, senders, readings);
        System.out.printf(Locale.ROOT, "%n%-10s %16s %16s  %s%n", "instances", "registrations/s", "readings/s", "asset events handled per instance");
        for (Result r : List.of(one, two)) {
            System.out.printf(Locale.ROOT, "%-10d %16.0f %16.0f  %s%n", r.instances, r.registrationsPerSecond, r.readingsPerSecond, r.handled);
        }
        System.out.printf(Locale.ROOT, "two vs one: registrations x%.2f, readings x%.2f%n",
                two.registrationsPerSecond / one.registrationsPerSecond, two.readingsPerSecond / one.readingsPerSecond);
        System.exit(0);
    }

    record Result(int instances, double registrationsPerSecond, double readingsPerSecond, List<Long> handled) {
    }

    private static Result run(int instances, int devices, int senders, int readings) throws Exception {
        Path root = Files.createTempDirectory("vpp-scale-out-bench-");
        Path first = root.resolve("i0");
        List<ChildApplication> apps = new ArrayList<>();
        try {
            apps.add(ChildApplication.startOn("", first, root.resolve("i0.log"), ARGUMENTS, JVM));
            apps.getFirst().awaitLog("VPP backend ready", START, Duration.ofMillis(200));
            String database = ChildApplication.databaseUrl(first);
            for (int i = 1; i < instances; i++) {
                ChildApplication app = ChildApplication.startOn(database, root.resolve("i" + i), root.resolve("i" + i + ".log"), ARGUMENTS, JVM);
                apps.add(app);
                app.awaitLog("VPP backend ready", START, Duration.ofMillis(200));
            }
            await("every instance owns fleet segments").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> liveOwners(database, "fleet") == instances);
            String token = GraphQl.adminToken(first);
            List<GraphQl> clients = apps.stream().map(a -> new GraphQl(a.port(), token)).toList();
            new Fleet(clients.getFirst()).registerOk(Fleet.group("bench-pf", "PORTFOLIO", "Bench", null, null));
            int sites = Math.max(1, devices / 50);
            for (int s = 0; s < sites; s++) {
                new Fleet(clients.get(s % clients.size())).registerOk(Fleet.group("bench-site-" + s, "SITE", "Site " + s, "bench-pf", null));
            }
            // warm-up, not counted
            parallel(senders, 200, (sender, i) -> new Fleet(clients.get(sender % clients.size()))
                    .registerOk(Fleet.device("warm-" + sender + "-" + i, "BATTERY", "bench-site-0", Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1))));

            long t0 = System.nanoTime();
            parallel(senders, devices / senders, (sender, i) -> new Fleet(clients.get(sender % clients.size()))
                    .registerOk(Fleet.device("bat-" + sender + "-" + i, "BATTERY", "bench-site-" + (i % sites),
                            Fleet.battery(-1, 1, 2, 0.1, 0.9, 0.1))));
            double registrations = (devices / senders) * senders / ((System.nanoTime() - t0) / 1e9);

            int batch = 1_000;
            int batchesPerSender = Math.max(1, readings / batch / senders);
            Instant at = Instant.parse(text(database, "SELECT to_char(now() AT TIME ZONE 'UTC' - interval '2 hours', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"));
            HttpClient http = HttpClient.newHttpClient();
            long t1 = System.nanoTime();
            parallel(senders, batchesPerSender, (sender, b) -> {
                StringBuilder body = new StringBuilder();
                for (int r = 0; r < batch; r++) {
                    int device = (b * batch + r) % (devices / senders);
                    int step = (b * batch + r) / (devices / senders);
                    body.append("{\"assetId\":\"bat-").append(sender).append('-').append(device).append("\",\"at\":\"")
                            .append(at.plusSeconds(step)).append("\",\"powerMw\":0.5,\"soc\":0.5}\n");
                }
                ChildApplication app = apps.get(sender % apps.size());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/telemetry"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) throw new IllegalStateException(response.statusCode() + " " + response.body());
            });
            double perSecond = (double) batchesPerSender * senders * batch / ((System.nanoTime() - t1) / 1e9);

            long assetEvents = count(database, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.messages.asset.%'");
            await("the fleet projections caught up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> handled(apps, token).stream().mapToLong(Long::longValue).sum() >= assetEvents);
            Result result = new Result(instances, registrations, perSecond, handled(apps, token));
            System.out.printf(Locale.ROOT, "%d instance(s): %.0f registrations/s, %.0f readings/s, asset events %d handled as %s%n",
                    instances, registrations, perSecond, assetEvents, result.handled);
            return result;
        } finally {
            for (ChildApplication app : apps) app.close();
            ChildApplication.cleanUp(first);
        }
    }

    interface Work {
        void run(int sender, int index) throws Exception;
    }

    private static void parallel(int senders, int each, Work work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) work.run(sender, i);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
    }

    private static List<Long> handled(List<ChildApplication> apps, String token) throws Exception {
        List<Long> out = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (ChildApplication app : apps) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            var m = java.util.regex.Pattern.compile("(?m)^vpp_processor_events_handled_total\\{processor=\"fleet\"} ([0-9.eE+-]+)$").matcher(body);
            out.add(m.find() ? (long) Double.parseDouble(m.group(1)) : 0L);
        }
        return out;
    }

    private static int liveOwners(String database, String processor) throws Exception {
        return (int) count(database, "SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = '" + processor
                + "' AND owner IS NOT NULL AND time_stamp >= to_char(now() AT TIME ZONE 'UTC' - interval '20 seconds', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    }

    private static String text(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
