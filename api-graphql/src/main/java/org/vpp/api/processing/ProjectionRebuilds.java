package org.vpp.api.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blue/green rebuilds of read models. A rebuild replays the whole event store into empty copies of the group's tables
 * in a schema of its own ({@code rebuild_<group>}, reached through the connection's {@code search_path}, so the
 * projection's SQL is unchanged), by a fresh instance of the projection; meanwhile the live processor and every query
 * go on with the tables in use. When the copy has caught up, the live processor stops, the copy takes the last events,
 * and one transaction replaces the rows of the tables in use with the copy's and sets every segment's token to the
 * copy's position; readers see the old rows until that commit and the new ones after it (no table is ever empty or
 * half-filled for them). The live processor then starts from there.
 * <p>
 * A rebuild that fails (a handler throws, the store is unreachable) changes nothing in use: the copy is dropped and the
 * live processor, if it was stopped, starts again. Dead letters of the group stay where they are: a retry of them is
 * harmless, since projections are idempotent by event sequence.
 */
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int BATCH = 1000;
    /** Parallel writers per rebuild: each aggregate's events go to one, in order. Round trips, not CPU, bound a lane. */
    private static final int LANES = 4;

    public enum Status {
        RUNNING, READY, SWITCHING, COMPLETED, FAILED;

        public boolean ended() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /** What a rebuild has done so far; the rate is over real time, the instants are the application clock's. */
    public record Progress(String id, String processingGroup, Status status, long eventsDone, long eventsTotal,
                           double eventsPerSecond, Double etaSeconds, Instant startedAt, Instant finishedAt,
                           String requestedBy, boolean switchWhenDone, long rowsInUse, String error) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate inUse;
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final TokenStore tokens;
    private final EventProcessingConfiguration processing;
    private final Map<String, RebuildableProjection> projections;
    private final InstantSource clock;
    private final ExecutorService executor;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    /** Connections a copy pool needs for every read model rebuilt at once: the lanes and one to prepare the schema. */
    public static int connectionsFor(int projections) {
        return projections * (LANES + 1);
    }

    /**
     * @param dataSource the connections the copies are written through (not the application's pool); closed with
     *                   {@link #shutdown}
     */
    public ProjectionRebuilds(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate inUse, EventStore events, TokenStore tokens,
                              EventProcessingConfiguration processing, List<RebuildableProjection> projections,
                              InstantSource clock, ExecutorService executor) {
        this.dataSource = dataSource;
        this.inUse = inUse;
        this.jdbc = jdbc;
        this.events = events;
        this.tokens = tokens;
        this.processing = processing;
        Map<String, RebuildableProjection> byGroup = new LinkedHashMap<>();
        projections.stream().sorted(Comparator.comparing(RebuildableProjection::processingGroup))
                .forEach(p -> byGroup.put(p.processingGroup(), p));
        this.projections = byGroup;
        this.clock = clock;
        this.executor = executor;
    }

    public List<String> groups() {
        return List.copyOf(projections.keySet());
    }

    /** Every rebuild since the application started, newest first. */
    public List<Progress> all() {
        return rebuilds.values().stream().map(Rebuild::progress)
                .sorted(Comparator.comparing(Progress::startedAt).reversed().thenComparing(Progress::id)).toList();
    }

    public Optional<Progress> find(String id) {
        return Optional.ofNullable(rebuilds.get(id)).map(Rebuild::progress);
    }

    /** The rebuild of the group that has not ended, if any. */
    public Optional<Progress> active(String group) {
        return rebuilds.values().stream().map(Rebuild::progress)
                .filter(p -> p.processingGroup().equals(group) && !p.status().ended()).findFirst();
    }

    /** Starts a rebuild of the group; the caller has checked that the group is known and has no active rebuild. */
    public synchronized Progress start(String group, boolean switchWhenDone, String requestedBy) {
        RebuildableProjection projection = projections.get(group);
        if (projection == null) throw new IllegalArgumentException("no rebuildable projection " + group);
        if (active(group).isPresent()) throw new IllegalStateException("a rebuild of " + group + " is under way");
        Rebuild rebuild = new Rebuild(UUID.randomUUID().toString(), projection, switchWhenDone, requestedBy, clock.instant());
        rebuilds.put(rebuild.id, rebuild);
        executor.execute(rebuild::run);
        return rebuild.progress();
    }

    /** Lets a READY rebuild (one started without switchWhenDone) switch; false when it is not waiting for that. */
    public boolean switchOver(String id) {
        Rebuild rebuild = rebuilds.get(id);
        if (rebuild == null || rebuild.status.get() != Status.READY) return false;
        rebuild.switchRequested.countDown();
        return true;
    }

    private final class Rebuild {
        final String id;
        final RebuildableProjection projection;
        final boolean switchWhenDone;
        final String requestedBy;
        final Instant startedAt;
        final String schema;
        final AtomicReference<Status> status = new AtomicReference<>(Status.RUNNING);
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        final AtomicLong rowsInUse = new AtomicLong();
        final CountDownLatch switchRequested = new CountDownLatch(1);
        final long startedNanos = System.nanoTime();
        volatile long endedNanos;
        volatile Instant finishedAt;
        volatile String error;
        TrackingToken last;

        Rebuild(String id, RebuildableProjection projection, boolean switchWhenDone, String requestedBy, Instant startedAt) {
            this.id = id;
            this.projection = projection;
            this.switchWhenDone = switchWhenDone;
            this.requestedBy = requestedBy;
            this.startedAt = startedAt;
            this.schema = "rebuild_" + projection.processingGroup().replaceAll("[^a-z0-9_]", "_");
        }

        Progress progress() {
            long d = done.get();
            long t = Math.max(total.get(), d);
            long nanos = (endedNanos == 0 ? System.nanoTime() : endedNanos) - startedNanos;
            double rate = nanos > 0 ? d / (nanos / 1e9) : 0;
            Double eta = status.get().ended() ? Double.valueOf(0) : rate > 0 ? (t - d) / rate : null;
            return new Progress(id, projection.processingGroup(), status.get(), d, t, rate, eta, startedAt, finishedAt,
                    requestedBy, switchWhenDone, rowsInUse.get(), error);
        }

        void run() {
            StreamingEventProcessor live = processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                    .orElse(null);
            boolean stopped = false;
            List<Lane> lanes = new ArrayList<>();
            try {
                try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                    prepareSchema(sql);
                }
                for (int i = 0; i < LANES; i++) {
                    Connection connection = dataSource.getConnection();
                    try {
                        lanes.add(new Lane(this, connection));
                    } catch (SQLException | RuntimeException e) {
                        connection.close();
                        throw e;
                    }
                }
                lanes.forEach(Lane::start);
                total.set(countEvents());
                try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                    catchUp(stream, lanes);
                    if (!switchWhenDone) {
                        status.set(Status.READY);
                        log.info("Rebuild {} of '{}' is ready ({} events); it waits for switchProjection", id,
                                projection.processingGroup(), done.get());
                        while (!switchRequested.await(1, TimeUnit.SECONDS)) catchUp(stream, lanes);
                    }
                    status.set(Status.SWITCHING);
                    if (live != null) {
                        live.shutDown();
                        stopped = true;
                    }
                    catchUp(stream, lanes);
                    replaceRowsInUse();
                }
                if (live != null) live.start();
                stopped = false;
                projection.afterSwitch().run();
                finish(Status.COMPLETED, null);
                log.info("Rebuild {} of '{}' completed: {} events, {} rows now in use, {} events/s", id,
                        projection.processingGroup(), done.get(), rowsInUse.get(), Math.round(progress().eventsPerSecond()));
            } catch (Throwable failure) {
                finish(Status.FAILED, failure.toString());
                log.error("Rebuild {} of '{}' failed; the read model in use is unchanged", id, projection.processingGroup(), failure);
                if (failure instanceof InterruptedException) Thread.currentThread().interrupt();
            } finally {
                lanes.forEach(Lane::close);
                if (stopped) live.start();
                dropSchema();
            }
        }

        private void finish(Status end, String why) {
            error = why;
            finishedAt = clock.instant();
            endedNanos = System.nanoTime();
            status.set(end);
        }

        private void prepareSchema(Statement sql) throws SQLException {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
            // The copy is scratch: unlogged (no WAL), and with only the unique indexes its writes rely on (keys,
            // ON CONFLICT targets); the rows it hands over land in the tables in use with all of theirs.
            for (String table : projection.tables()) {
                sql.execute("CREATE UNLOGGED TABLE " + schema + "." + table + " (LIKE public." + table
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
                List<String> unique = jdbc.queryForList("""
                        SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?
                        AND indexdef LIKE 'CREATE UNIQUE INDEX %'""", String.class, table);
                for (String index : unique) sql.execute(index.replace(" ON public.", " ON " + schema + "."));
            }
        }

        private void dropSchema() {
            try {
                jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                log.warn("Could not drop {} after rebuild {}: {}", schema, id, e.toString());
            }
        }

        /**
         * Every event available now, each aggregate's events to one lane (in their order, as a live processor's
         * segments take them), then waits until every lane has committed what it was given.
         */
        private void catchUp(BlockingStream<TrackedEventMessage<?>> stream, List<Lane> lanes) throws InterruptedException {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                String key = event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : event.getIdentifier();
                lanes.get(Math.floorMod(key.hashCode(), lanes.size())).put(event);
                last = event.trackingToken();
                for (Lane lane : lanes) lane.check();
            }
            for (Lane lane : lanes) lane.drain();
            total.set(Math.max(total.get(), done.get()));
        }
        /** One transaction: the rows in use become the copy's, and every segment resumes after the copy's last event. */
        private void replaceRowsInUse() {
            String group = projection.processingGroup();
            inUse.executeWithoutResult(tx -> {
                List<String> tables = projection.tables();
                for (int i = tables.size() - 1; i >= 0; i--) jdbc.update("DELETE FROM public." + tables.get(i));
                long rows = 0;
                for (String table : tables) {
                    rows += jdbc.update("INSERT INTO public." + table + " SELECT * FROM " + schema + "." + table);
                }
                rowsInUse.set(rows);
                if (last != null) {
                    for (int segment : tokens.fetchSegments(group)) {
                        tokens.fetchToken(group, segment);
                        tokens.storeToken(last, group, segment);
                        tokens.releaseClaim(group, segment);
                    }
                }
            });
        }

        private long countEvents() {
            Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            return n == null ? 0 : n;
        }
    }

    /**
     * One of the rebuild's parallel writers: its own connection (its {@code search_path} on the copy's schema), its own
     * instance of the projection, a queue of the events of its aggregates, committed a batch at a time.
     */
    private final class Lane {
        private static final TrackedEventMessage<?> DRAIN = new org.axonframework.eventhandling.GenericTrackedEventMessage<>(
                null, org.axonframework.eventhandling.GenericEventMessage.asEventMessage("drain"));

        private final Rebuild rebuild;
        private final Connection connection;
        private final TransactionTemplate tx;
        private final AnnotationEventHandlerAdapter handler;
        private final BatchingJdbcTemplate jdbc;
        private final java.util.concurrent.BlockingQueue<TrackedEventMessage<?>> queue = new java.util.concurrent.ArrayBlockingQueue<>(4 * BATCH);
        private final java.util.concurrent.Semaphore drained = new java.util.concurrent.Semaphore(0);
        private final Thread thread;
        private volatile Throwable failure;

        Lane(Rebuild rebuild, Connection connection) throws SQLException {
            this.rebuild = rebuild;
            this.connection = connection;
            connection.setAutoCommit(true);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET search_path TO " + rebuild.schema + ", public");
                sql.execute("SET synchronous_commit TO off"); // the copy is scratch until the switch, which commits as usual
            }
            this.jdbc = new BatchingJdbcTemplate(connection);
            this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.connection()));
            this.handler = new AnnotationEventHandlerAdapter(rebuild.projection.projection().apply(jdbc));
            this.thread = Thread.ofPlatform().name("rebuild-" + rebuild.projection.processingGroup()).unstarted(this::work);
        }

        void start() {
            thread.start();
        }

        void put(TrackedEventMessage<?> event) throws InterruptedException {
            check();
            queue.put(event);
        }

        /** Waits until everything given so far is committed. */
        void drain() throws InterruptedException {
            queue.put(DRAIN);
            drained.acquire();
            check();
        }

        void check() {
            if (failure != null) throw new IllegalStateException("the projection failed on an event: " + failure, failure);
        }

        private void work() {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TrackedEventMessage<?> first = queue.take();
                    boolean drain = first == DRAIN;
                    if (!drain) batch.add(first);
                    while (!drain && batch.size() < BATCH) {
                        TrackedEventMessage<?> next = queue.poll();
                        if (next == null) break;
                        if (next == DRAIN) drain = true;
                        else batch.add(next);
                    }
                    if (!batch.isEmpty()) commit(batch);
                    batch.clear();
                    if (drain) drained.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
                drained.release(Integer.MAX_VALUE / 2);
            }
        }

        private void commit(List<TrackedEventMessage<?>> batch) {
            tx.executeWithoutResult(status -> {
                for (TrackedEventMessage<?> event : batch) {
                    try {
                        if (handler.canHandle(event)) handler.handle(event);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                jdbc.flush();
            });
            rebuild.done.addAndGet(batch.size());
        }

        void close() {
            thread.interrupt();
            try {
                thread.join(10_000);
                try (Statement sql = connection.createStatement()) {
                    sql.execute("RESET ALL");
                }
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                log.warn("Could not close a rebuild connection: {}", e.toString());
            }
        }
    }

    /** For the application's shutdown: rebuilds under way are abandoned (the tables in use were never touched). */
    public void shutdown() {
        executor.shutdownNow();
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not close the rebuilds' connections: {}", e.toString());
            }
        }
    }
}
