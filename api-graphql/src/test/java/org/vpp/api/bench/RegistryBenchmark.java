package org.vpp.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.api.VppApplication;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestDatabase;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.GeoLocation;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.RegisterAsset;

/**
 * Registry benchmark ({@code ./vpp bench registry [assets] [readings] [senders]}): registers a 4-level tree through
 * the command bus, ingests readings through the NDJSON endpoint, and times the {@code fleet} query over HTTP.
 * Prints figures; asserts nothing. Uses an embedded PostgreSQL in a temporary directory, or a fresh database on the
 * server named by VPP_DATABASE_URL (dropped at the end).
 */
public final class RegistryBenchmark {

    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int readings = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (ConfigurableApplicationContext app = startApplication()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            Tree tree = Tree.of(assets);
            register(app.getBean(CommandGateway.class), jdbc, tree, senders);
            String token = GraphQl.adminToken(app);
            ingest(port, token, tree, readings, app.getBean(java.time.InstantSource.class));
            queryLatency(port, token, tree);
            var tokens = app.getBean(org.vpp.api.security.ApiTokens.class);
            List<String> viewers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                viewers.add(tokens.issue(new org.vpp.api.security.ApiTokens.Request("viewer-" + i,
                        org.vpp.api.security.Role.VIEWER, null, null), "benchmark").token());
            }
            concurrentQueries(port, viewers);
        }
        // Axon leaves a non-daemon scheduler thread behind after the context closes; a benchmark must end.
        System.exit(0);
    }

    /**
     * The application a benchmark measures, on a fresh database (embedded, or on VPP_DATABASE_URL's server), with the
     * background processes quiet; prints the machine it runs on.
     */
    static ConfigurableApplicationContext startApplication() {
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false"));
        appArgs.addAll(TestDatabase.applicationArguments());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(VppApplication.class).run(appArgs.toArray(String[]::new));
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MiB, database %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                TestDatabase.external() ? "external PostgreSQL" : "embedded PostgreSQL");
        return app;
    }

    /** 1 portfolio, 10 regions, sites of 20 devices: four levels, {@code assets} nodes in all. */
    record Tree(List<RegisterAsset> groups, List<RegisterAsset> devices) {
        static Tree of(int total) {
            List<RegisterAsset> groups = new ArrayList<>();
            List<RegisterAsset> devices = new ArrayList<>();
            AssetId pf = AssetId.of("pf");
            groups.add(new RegisterAsset(pf, AssetKind.PORTFOLIO, "Portfolio", null, null, null, null));
            int regions = 10;
            int perSite = 20;
            int sites = Math.max(1, (total - 1 - regions) / (perSite + 1));
            for (int r = 0; r < regions; r++) {
                groups.add(new RegisterAsset(AssetId.of("rg-" + r), AssetKind.REGION, "Region " + r, pf, null, null, null));
            }
            for (int s = 0; s < sites; s++) {
                AssetId site = AssetId.of("site-" + s);
                groups.add(new RegisterAsset(site, AssetKind.SITE, "Site " + s, AssetId.of("rg-" + (s % regions)),
                        new GeoLocation(48 + s % 7, 8 + s % 9), TechnicalLimits.groupWithGridLimit(50.0), null));
            }
            int remaining = total - groups.size();
            for (int d = 0; d < remaining; d++) {
                AssetId site = AssetId.of("site-" + (d % sites));
                AssetId id = AssetId.of("dev-" + d);
                devices.add(switch (d % 4) {
                    case 0 -> new RegisterAsset(id, AssetKind.BATTERY, "Battery " + d, site, null,
                            TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, 1.0, 0.05, 0.95, 0.1), null);
                    case 1 -> new RegisterAsset(id, AssetKind.PV, "PV " + d, site, new GeoLocation(50, 10),
                            TechnicalLimits.power(0, 0.8, null), null);
                    case 2 -> new RegisterAsset(id, AssetKind.LOAD, "Load " + d, site, null, TechnicalLimits.power(-0.5, -0.05, null), null);
                    default -> new RegisterAsset(id, AssetKind.GENERATOR, "Generator " + d, site, null, TechnicalLimits.power(0.2, 1.5, 0.5), null);
                });
            }
            return new Tree(groups, devices);
        }
    }

    static void register(CommandGateway commands, JdbcTemplate jdbc, Tree tree, int senders) throws Exception {
        long start = System.nanoTime();
        for (RegisterAsset g : tree.groups()) commands.sendAndWait(g); // parents first, in order
        long groupsDone = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> futures = new ArrayList<>();
        int chunk = (tree.devices().size() + senders - 1) / senders;
        for (int i = 0; i < senders; i++) {
            List<RegisterAsset> part = tree.devices().subList(Math.min(i * chunk, tree.devices().size()),
                    Math.min((i + 1) * chunk, tree.devices().size()));
            futures.add(pool.submit(() -> part.forEach(commands::sendAndWait)));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        long commandsDone = System.nanoTime();
        int total = tree.groups().size() + tree.devices().size();
        // A benchmark measures elapsed time: it polls the read model every 20 ms to see when it caught up.
        while (count(jdbc, "asset_node") < total) Thread.sleep(20);
        long projected = System.nanoTime();
        System.out.printf(Locale.ROOT, "register: %d assets (%d groups sequentially, %d devices from %d senders) in %.1f s = %.0f commands/s;"
                        + " devices alone %.0f commands/s; read model complete %.2f s after the last command%n",
                total, tree.groups().size(), tree.devices().size(), senders, seconds(commandsDone - start),
                total / seconds(commandsDone - start), tree.devices().size() / seconds(commandsDone - groupsDone),
                seconds(projected - commandsDone));
    }

    /** Readings up to a second before the application clock: the newest ones are "now" for the watchdog. */
    static void ingest(int port, String token, Tree tree, int readings, java.time.InstantSource clock) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int perRequest = 100_000;
        Instant end = clock.instant().minusSeconds(1);
        int devices = tree.devices().size();
        int perDevice = (readings + devices - 1) / devices;
        long start = System.nanoTime();
        int sent = 0;
        long stored = 0;
        while (sent < readings) {
            int n = Math.min(perRequest, readings - sent);
            StringBuilder body = new StringBuilder(n * 90);
            for (int i = sent; i < sent + n; i++) {
                RegisterAsset device = tree.devices().get(i % devices);
                Instant at = end.minusSeconds(60L * (perDevice - i / devices));
                body.append("{\"assetId\":\"").append(device.assetId()).append("\",\"at\":\"").append(at)
                        .append("\",\"powerMw\":").append(0.1 * (i % 7));
                if (device.kind() == AssetKind.BATTERY) body.append(",\"soc\":").append(0.2 + 0.1 * (i % 6));
                body.append(",\"available\":true}\n");
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/telemetry"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("ingestion refused: " + response.body());
            String b = response.body();
            stored += Long.parseLong(b.replaceAll(".*\"stored\":(\\d+).*", "$1"));
            sent += n;
        }
        long done = System.nanoTime();
        System.out.printf(Locale.ROOT, "ingest: %d readings in %d NDJSON requests of up to %d, %.1f s = %.0f readings/s (%d stored)%n",
                readings, (readings + perRequest - 1) / perRequest, perRequest, seconds(done - start), readings / seconds(done - start), stored);
    }

    static void queryLatency(int port, String token, Tree tree) {
        GraphQl g = new GraphQl(port, token);
        String doc = "query($r: ID) { fleet(rootId: $r) { installed { deviceCount maxPowerMw } available { maxPowerMw storedEnergyMwh } nodes { id depth available { maxPowerMw } } } }";
        for (String root : List.of("pf", "rg-0", "site-0")) {
            for (int i = 0; i < 3; i++) g.run(doc, java.util.Map.of("r", root)); // warm-up
            int runs = root.equals("pf") ? 20 : 50;
            long[] nanos = new long[runs];
            int nodes = 0;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                var r = g.run(doc, java.util.Map.of("r", root));
                nanos[i] = System.nanoTime() - t;
                nodes = GraphQl.list(r, "fleet.nodes").size();
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "fleet(rootId: %s): %d nodes, over %d runs p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    root, nodes, runs, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6);
        }
    }

    static final int CLIENTS = 50;

    /**
     * {@link #CLIENTS} authenticated clients (a VIEWER token each) query at once, each waiting for its answer before the
     * next request: latency per request and throughput over the whole run, per query shape.
     */
    static void concurrentQueries(int port, List<String> tokens) throws Exception {
        String capacity = "query($r: ID) { fleet(rootId: $r) { installed { deviceCount maxPowerMw } available { deviceCount maxPowerMw minPowerMw storedEnergyMwh headroomMwh currentPowerMw } } }";
        String everyNode = "query($r: ID) { fleet(rootId: $r) { available { maxPowerMw } nodes { id depth status available { maxPowerMw currentPowerMw } } } }";
        // intervalMillis 0: each client sends its next request as soon as it has its answer (saturation: latency is then
        // clients / throughput); otherwise each client sends one request every intervalMillis, as a dashboard refreshing
        // on a timer does, and latency is measured below saturation.
        record Shape(String name, String document, String root, int clients, int perClient, long intervalMillis) {
        }
        // Every node of the whole tree is ~3 MB of JSON per answer: fifty at once would only measure the loopback.
        List<Shape> shapes = List.of(
                new Shape("a site (22 nodes), every node", everyNode, "site-0", tokens.size(), 40, 0),
                new Shape("a region (~1,000 nodes), capacity", capacity, "rg-0", tokens.size(), 20, 0),
                new Shape("the whole tree (10,000 nodes), capacity", capacity, "pf", tokens.size(), 20, 0),
                new Shape("the whole tree (10,000 nodes), every node", everyNode, "pf", 5, 10, 0),
                new Shape("a site, each client every 500 ms", everyNode, "site-0", tokens.size(), 40, 500),
                new Shape("the whole tree's capacity, each client every 500 ms", capacity, "pf", tokens.size(), 40, 500));
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        URI uri = URI.create("http://localhost:" + port + "/graphql");
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            for (Shape shape : shapes) {
                String body = "{\"query\": " + quote(shape.document()) + ", \"variables\": {\"r\": \"" + shape.root() + "\"}}";
                for (String t : tokens.subList(0, 5)) post(http, uri, t, body); // warm-up
                List<Future<long[]>> clients = new ArrayList<>();
                long start = System.nanoTime();
                for (String token : tokens.subList(0, shape.clients())) {
                    clients.add(pool.submit(() -> {
                        long[] nanos = new long[shape.perClient()];
                        // Clients start spread over one interval, as independent dashboards would.
                        long next = System.nanoTime() + java.util.concurrent.ThreadLocalRandom.current()
                                .nextLong(Math.max(1, shape.intervalMillis()) * 1_000_000L);
                        for (int i = 0; i < nanos.length; i++) {
                            if (shape.intervalMillis() > 0) {
                                long wait = next - System.nanoTime();
                                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                next += shape.intervalMillis() * 1_000_000L;
                            }
                            long t = System.nanoTime();
                            post(http, uri, token, body);
                            nanos[i] = System.nanoTime() - t;
                        }
                        return nanos;
                    }));
                }
                long[] all = new long[shape.clients() * shape.perClient()];
                int k = 0;
                for (Future<long[]> c : clients) for (long n : c.get()) all[k++] = n;
                double elapsed = seconds(System.nanoTime() - start);
                Arrays.sort(all);
                System.out.printf(Locale.ROOT, "fleet, %s, %d clients x %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f requests/s%n",
                        shape.name(), shape.clients(), shape.perClient(), all[all.length / 2] / 1e6,
                        all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6, all[all.length - 1] / 1e6, all.length / elapsed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void post(HttpClient http, URI uri, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("query failed: " + response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toMillis() / 1000.0;
    }
}
