package org.vpp.api.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.vpp.api.processing.ProjectionRebuilds;
import org.vpp.api.support.GraphQl;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.asset.AssetStatusChanged;
import org.vpp.messages.asset.StatusOrigin;
import org.vpp.messages.common.Authorship;

/**
 * Replay benchmark ({@code ./vpp bench replay [assets] [events]}): a registry of {@code assets} (through the command
 * bus), then devices going OFFLINE and back ONLINE by telemetry until the store holds {@code events} events, appended
 * in batches as the aggregates would record them; then every projection rebuilt from the whole store at once
 * (one read model after the other: events/s each), and {@code fleet(asOf)} timed at three past instants. Prints figures; asserts
 * nothing.
 */
public final class ReplayBenchmark {

    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (ConfigurableApplicationContext app = RegistryBenchmark.startApplication()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            RegistryBenchmark.Tree tree = RegistryBenchmark.Tree.of(assets);
            RegistryBenchmark.register(app.getBean(CommandGateway.class), jdbc, tree, 4);
            List<Instant> marks = appendStatusChanges(app, tree, events - tree.groups().size() - tree.devices().size());
            long stored = count(jdbc, "domain_event_entry");
            waitForTheLiveProjection(app, stored);

            asOfLatency(new GraphQl(port, GraphQl.adminToken(app)), marks);
            rebuildAll(app.getBean(ProjectionRebuilds.class), stored);
        }
        System.exit(0);
    }

    /**
     * {@code n} status changes spread over the devices, each device alternating OFFLINE and ONLINE, recorded by the
     * watchdog; appended 2,000 per transaction. Returns the instants a quarter, half and three quarters through.
     */
    static List<Instant> appendStatusChanges(ConfigurableApplicationContext app, RegistryBenchmark.Tree tree, int n) {
        EventStore store = app.getBean(EventStore.class);
        SpringTransactionManager tx = new SpringTransactionManager(app.getBean(PlatformTransactionManager.class));
        int devices = tree.devices().size();
        long[] next = new long[devices];
        Arrays.fill(next, 1); // each device's registration is event 0
        MetaData author = MetaData.from(Map.of(Authorship.AUTHOR, "process:telemetry-watchdog", Authorship.ROLE, Authorship.SYSTEM));
        List<Instant> marks = new ArrayList<>();
        long start = System.nanoTime();
        int batch = 2_000;
        for (int done = 0; done < n; done += batch) {
            int size = Math.min(batch, n - done);
            List<DomainEventMessage<?>> messages = new ArrayList<>(size);
            for (int i = done; i < done + size; i++) {
                int d = i % devices;
                AssetId id = tree.devices().get(d).assetId();
                boolean goesOffline = next[d] % 2 == 1;
                AssetStatusChanged change = goesOffline
                        ? new AssetStatusChanged(id, AssetStatus.ONLINE, AssetStatus.OFFLINE, StatusOrigin.TELEMETRY, "no reading for 5 minutes")
                        : new AssetStatusChanged(id, AssetStatus.OFFLINE, AssetStatus.ONLINE, StatusOrigin.TELEMETRY, "readings again");
                messages.add(new GenericDomainEventMessage<>("Asset", id.value(), next[d]++, change, author));
            }
            DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            uow.attachTransaction(tx);
            uow.execute(() -> store.publish(messages));
            for (double q : new double[]{0.25, 0.5, 0.75}) {
                if (marks.size() < 3 && done + size >= q * n && marks.size() == (int) (q * 4) - 1) {
                    marks.add(messages.getLast().getTimestamp());
                }
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "append: %d status changes in %.1f s = %.0f events/s (batches of %d)%n", n, s, n / s, batch);
        return marks;
    }

    static void waitForTheLiveProjection(ConfigurableApplicationContext app, long stored) throws InterruptedException {
        long start = System.nanoTime();
        long head = app.getBean(EventStore.class).createHeadToken().position().orElse(0);
        var fleet = app.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor("fleet", org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        // A benchmark measures elapsed time: it polls the processor's segments every 200 ms to see when they caught up.
        while (fleet.processingStatus().isEmpty() || fleet.processingStatus().values().stream()
                .anyMatch(status -> status.getCurrentPosition().orElse(0) < head)) {
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "live fleet projection caught up %.1f s after the last append (%d events in the store)%n",
                (System.nanoTime() - start) / 1e9, stored);
    }

    static void asOfLatency(GraphQl admin, List<Instant> marks) {
        String doc = "query($t: DateTime) { fleet(rootId: \"pf\", asOf: $t) { installed { deviceCount } available { deviceCount maxPowerMw } } }";
        for (Instant mark : marks) {
            admin.run(doc, Map.of("t", mark.toString())); // warm-up
            int runs = 5;
            long[] nanos = new long[runs];
            Object available = null;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                var r = admin.run(doc, Map.of("t", mark.toString()));
                nanos[i] = System.nanoTime() - t;
                if (!r.getErrors().isEmpty()) throw new IllegalStateException(r.getErrors().toString());
                available = GraphQl.value(r, "fleet.available.deviceCount");
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "fleet(rootId: pf, asOf: %s): %s devices available then; over %d runs median %.0f ms, max %.0f ms%n",
                    mark, available, runs, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6);
        }
    }

    /** Each read model rebuilt from the whole store, one after the other, each with the machine to itself. */
    static void rebuildAll(ProjectionRebuilds rebuilds, long stored) throws InterruptedException {
        long start = System.nanoTime();
        for (String group : rebuilds.groups()) {
            ProjectionRebuilds.Progress started = rebuilds.start(group, true, "benchmark");
            // A benchmark measures elapsed time: it polls the rebuild's progress every 100 ms.
            while (!rebuilds.find(started.id()).orElseThrow().status().ended()) Thread.sleep(100);
            ProjectionRebuilds.Progress done = rebuilds.find(started.id()).orElseThrow();
            System.out.printf(Locale.ROOT, "rebuild %-10s %s: %d events in %.1f s, %.0f events/s, %d rows in use%s%n",
                    done.processingGroup(), done.status(), done.eventsDone(), done.eventsDone() / Math.max(1e-9, done.eventsPerSecond()),
                    done.eventsPerSecond(), done.rowsInUse(), done.error() == null ? "" : " (" + done.error() + ")");
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "rebuild of all %d read models, one after the other: %.1f s for %d events each%n",
                rebuilds.groups().size(), s, stored);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    private ReplayBenchmark() {
    }
}
