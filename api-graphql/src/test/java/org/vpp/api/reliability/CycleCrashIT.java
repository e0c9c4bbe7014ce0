package org.vpp.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.vpp.api.support.GraphQl;

/**
 * kill -9 in the middle of the bidding cycle and of a dispatch, with the application as a separate process and the
 * README's command (same data directory, no manual step) to bring it back each time.
 *
 * <p>The demo world starts at 08:30 Berlin on the day before delivery with a three-hour lead time, so the cycle of
 * 17 June opens half a simulated hour (under ten seconds at 240x) after start and its gate closes at noon. The process is killed as soon as each
 * step's event is in the event store: opened (while the inputs are fetched), inputs recorded (while the optimizer
 * runs), schedule recorded (while drafting), drafted (while submitting), submitted (while waiting for the market),
 * and the market's answer (while the dispatch is planned and the cycle closed); then once during a manual dispatch,
 * after its first slot was measured. The simulated clock resumes after the newest stored reading and event, so downtime does
 * not eat the cycle's deadlines. The checks:
 * <ul>
 *   <li>the cycle finishes by itself: every step's event exactly once, no abort, one bid for the day and zone, one
 *       order in the exchange's book, one market dispatch;</li>
 *   <li>the dispatch finishes by itself: every slot sent and measured exactly once, completed once;</li>
 *   <li>no event applied twice: each read model row's version is its aggregate's last sequence number;</li>
 *   <li>nothing dead-lettered, and no deadline of the closed cycle or the completed dispatch left behind;</li>
 *   <li>the bid and dispatch read models equal a fresh rebuild from the event store (on a last start whose clock
 *       crawls, so nothing moves while they are compared).</li>
 * </ul>
 * {@code ./vpp test -pl api-graphql -am -Dtest=CycleCrashIT -Dsurefire.failIfNoSpecifiedTests=false}; the table it
 * prints is in docs/reliability.md.
 */
class CycleCrashIT {

    private static final int DEVICES = 12;
    private static final String BID = "DE-LU:2026-06-17";
    /**
     * 08:30 Berlin (summer time) on the day before delivery: the demo fleet is registered before the cycle opens at
     * 09:00 Berlin (a cycle that opened on a fleet with nothing registered yet would abort, with that reason).
     */
    private static final Instant SIMULATION_START = Instant.parse("2026-06-16T06:30:00Z");
    /**
     * 240x, a third of the demo's pace: one simulated hour is 15 real seconds. Each step has a simulated hour, and a
     * restarted JVM's first fetch and optimization take a few real seconds; at 720x those alone can use up a step's
     * hour on a loaded machine, and the cycle would abort for a reason that is not the crash.
     */
    private static final String SPEED = "--vpp.simulation.speed=240";
    private static final List<String> ARGUMENTS = List.of("--vpp.simulation.devices=" + DEVICES, "--vpp.simulation.seed=5", SPEED,
            "--vpp.simulation.start=" + SIMULATION_START, "--vpp.forecast.enabled=false", "--vpp.bidding.lead-time=PT3H");
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration FAST_POLL = Duration.ofMillis(5);
    /** The cycle's steps, by the event that ends each one; the process is killed right after each appears. */
    private static final List<String> STEPS = List.of("BiddingCycleOpened", "BidInputsFetched", "SchedulePrepared", "BidDrafted",
            "BidSubmitted", "BidAccepted|BidPartiallyAccepted|BidRejected");
    /** Read-model rows whose version is not their aggregate's last sequence number (behind, or applied beyond it). */
    private static final String BID_ROWS_OFF = """
            SELECT count(*) FROM bid b JOIN (SELECT aggregate_identifier, max(sequence_number) AS v FROM domain_event_entry
            WHERE type = 'Bid' GROUP BY aggregate_identifier) e ON e.aggregate_identifier = b.bid_id WHERE b.version <> e.v""";
    private static final String DISPATCH_ROWS_OFF = """
            SELECT count(*) FROM dispatch d JOIN (SELECT aggregate_identifier, max(sequence_number) AS v FROM domain_event_entry
            WHERE type = 'Dispatch' GROUP BY aggregate_identifier) e ON e.aggregate_identifier = d.dispatch_id WHERE d.version <> e.v""";
    private static final String REQUEST = """
            mutation($input: RequestDispatchInput!) {
              requestDispatch(input: $input) { status dispatch { id } errors { field code message } } }""";
    private static final String REBUILD = """
            mutation($group: String!) { rebuildProjection(input: {processingGroup: $group, switchWhenDone: true}) {
              rebuild { id } errors { field message } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void aBiddingCycleAndADispatchKilledAtEveryStepFinishExactlyOnceAfterRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("vpp-cycle-crash-");
        StoredEvents store = StoredEvents.of(dataDir);
        Path logs = Files.createTempDirectory("vpp-cycle-crash-logs-");
        List<String[]> table = new ArrayList<>();
        int run = 0;
        try {
            // The cycle, killed after each of its steps.
            for (String step : STEPS) {
                try (var app = ready(ChildApplication.start(dataDir, logs.resolve(++run + ".log"), ARGUMENTS))) {
                    awaitWhileAlive(app, "the cycle's " + step, Duration.ofMinutes(3), () -> !bidEvents(store, step).isEmpty());
                    app.kill9();
                }
                table.add(new String[]{"kill -9 after " + step.replace("|", " or "), "events of " + BID + " at the kill: "
                        + String.join(", ", store.types(BID))});
            }
            String dispatchId;
            Instant dispatchStart;
            try (var app = ready(ChildApplication.start(dataDir, logs.resolve(++run + ".log"), ARGUMENTS))) {
                awaitWhileAlive(app, "the cycle closed", Duration.ofMinutes(2), () -> !bidEvents(store, "BiddingCycleClosed").isEmpty());
                // A manual dispatch of the next hour: the portfolio 0.5 MW above (or, when no asset has headroom upward
                // for the whole hour, as the state of charge left by the market dispatch may decide, below) its plan,
                // for four slots. A refusal for headroom is the product's correct answer, not the probe's subject: right
                // after a restart no device has reported yet (at 240x a reading is stale after 5 real seconds), so
                // every direction is refused until they have. The probe asks again, once a second, until one is taken.
                GraphQl admin = GraphQl.asAdmin(app.port(), dataDir);
                java.util.concurrent.atomic.AtomicReference<Map<String, Object>> taken = new java.util.concurrent.atomic.AtomicReference<>();
                java.util.concurrent.atomic.AtomicReference<Instant> takenStart = new java.util.concurrent.atomic.AtomicReference<>();
                List<Object> refusals = new ArrayList<>();
                try {
                    await("a manual dispatch taken").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                            .pollDelay(Duration.ZERO).until(() -> {
                                if (!app.alive()) throw new AssertionError("ended before a manual dispatch:\n" + ChildApplication.tail(app.log()));
                                Instant now = Instant.parse(GraphQl.value(admin.ok("{ market { now } }"), "market.now"));
                                Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                                refusals.clear();
                                for (double powerMw : List.of(0.5, -0.5, 0.2, -0.2)) {
                                    Map<String, Object> input = Map.of("nodeId", "portfolio", "powerMw", powerMw, "start", start.toString(),
                                            "end", start.plus(Duration.ofHours(1)).toString(), "reason", "crash probe");
                                    Map<String, Object> answer = GraphQl.value(admin.ok(REQUEST, Map.of("input", input)), "requestDispatch");
                                    if (((List<?>) answer.get("errors")).isEmpty()) {
                                        taken.set(answer);
                                        takenStart.set(start);
                                        return true;
                                    }
                                    refusals.add(answer.get("errors"));
                                }
                                return false;
                            });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("every direction refused for 2 minutes, the last time: " + refusals, e);
                }
                Map<String, Object> requested = taken.get();
                dispatchStart = takenStart.get();
                dispatchId = (String) ((Map<String, Object>) requested.get("dispatch")).get("id");
                awaitWhileAlive(app, "a slot of " + dispatchId + " measured", Duration.ofMinutes(2),
                        () -> store.count(dispatchId, "SlotDelivered") > 0);
                app.kill9();
            }
            table.add(new String[]{"kill -9 during a manual dispatch (4 slots)", "events of " + dispatchId + " at the kill: "
                    + String.join(", ", store.types(dispatchId))});

            try (var app = ready(ChildApplication.start(dataDir, logs.resolve(++run + ".log"), ARGUMENTS))) {
                awaitWhileAlive(app, dispatchId + " completed", Duration.ofMinutes(2), () -> store.count(dispatchId, "DispatchCompleted") > 0);
                app.stop();
            }

            // The read models equal a fresh rebuild, on a start whose clock crawls (one simulated second per 1,000 s).
            try (var app = ready(ChildApplication.start(dataDir, logs.resolve(++run + ".log"),
                    concat(ARGUMENTS.stream().filter(a -> !a.equals(SPEED)).toList(),
                            "--vpp.simulation.speed=0.001", "--vpp.bidding.enabled=false")))) {
                // Exactly once, all the way through; checked here, where nothing moves (the embedded PostgreSQL stops with the
                // application). The projections first catch up with what the last run stored.
                await("bid and dispatch rows at their aggregates' last sequence numbers").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                        store.query(BID_ROWS_OFF) == 0 && store.query(DISPATCH_ROWS_OFF) == 0);
                Map<String, Long> bid = store.countsByType(BID);
                for (String step : List.of("BiddingCycleOpened", "BidInputsFetched", "SchedulePrepared", "BidDrafted", "BidSubmitted", "BiddingCycleClosed")) {
                    assertThat(bid).as(BID + " " + step).containsEntry(step, 1L);
                }
                assertThat(bid.getOrDefault("BidAccepted", 0L) + bid.getOrDefault("BidPartiallyAccepted", 0L) + bid.getOrDefault("BidRejected", 0L))
                        .as("one market answer").isEqualTo(1);
                assertThat(bid).as("never aborted").doesNotContainKey("BiddingCycleAborted");
                assertThat(store.query("SELECT count(*) FROM bid WHERE zone = 'DE-LU' AND delivery_day = DATE '2026-06-17'")).as("bids for the day").isEqualTo(1);
                assertThat(store.query("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.BiddingCycleOpened'"
                        + " AND aggregate_identifier LIKE 'DE-LU:2026-06-17%'")).as("cycles opened for the day").isEqualTo(1);
                assertThat(store.query("SELECT count(*) FROM exchange_order WHERE bid_id = ?", BID)).as("orders in the book").isEqualTo(1);
                if (!bid.containsKey("BidRejected")) {
                    assertThat(store.query("SELECT count(*) FROM dispatch WHERE bid_id = ?", BID)).as("market dispatches of the bid").isEqualTo(1);
                }

                Map<String, Long> dispatch = store.countsByType(dispatchId);
                assertThat(dispatch).as(dispatchId).containsEntry("DispatchPlanned", 1L).containsEntry("DispatchCompleted", 1L);
                assertThat(store.distinctSlots(dispatchId, "SlotDispatched")).as("slots sent once each").isEqualTo(dispatch.get("SlotDispatched")).isEqualTo(4);
                assertThat(store.distinctSlots(dispatchId, "SlotDelivered")).as("slots measured once each").isEqualTo(dispatch.get("SlotDelivered")).isEqualTo(4);

                assertThat(store.query("SELECT count(*) FROM dead_letter_entry")).as("dead letters").isZero();
                // Every deadline still scheduled belongs to a saga still running: none of an ended cycle or dispatch was left.
                // Except one a killed process was running (picked): db-scheduler runs it again once its heartbeat is
                // DEAD_AFTER old (ReviveOnSchedulerClock), and its saga, gone, takes no notice.
                String ofEndedSagas = StoredEvents.DEADLINES_OF_ENDED_SAGAS;
                assertThat(store.texts("SELECT t.task_instance || ' at ' || t.execution_time || ': '"
                        + " || left(encode(t.task_data, 'escape'), 600)" + ofEndedSagas + " AND NOT t.picked"))
                        .as("deadlines of ended sagas").isEmpty();
                long inFlightAtAKill = store.query("SELECT count(*)" + ofEndedSagas);
                table.add(new String[]{"after the restarts", BID + ": each step once, closed, 1 bid, 1 order; " + dispatchId
                        + ": 4 slots sent and measured once each, completed once; read models at their aggregates' versions; no dead letters;"
                        + " deadlines of ended sagas: none waiting, " + inFlightAtAKill + " in flight at a kill (revived after 3 min)"});

                GraphQl admin = GraphQl.asAdmin(app.port(), dataDir);
                for (String group : List.of("bids", "dispatches")) {
                    List<String> before = rows(store, group);
                    String rebuild = GraphQl.value(admin.ok(REBUILD, Map.of("group", group)), "rebuildProjection.rebuild.id");
                    await(group + " rebuilt").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                            GraphQl.<List<Map<String, Object>>>value(admin.ok("{ projectionRebuilds { rebuilds { id status } } }"), "projectionRebuilds.rebuilds")
                                    .stream().anyMatch(r -> r.get("id").equals(rebuild) && List.of("COMPLETED", "FAILED").contains(r.get("status"))));
                    assertThat(rows(store, group)).as(group + " after a rebuild from the event store").isEqualTo(before);
                }
                app.stop();
            }
            table.add(new String[]{"rebuild of bids and dispatches", "row for row equal to the read models the restarts left"});
        } finally {
            StringBuilder out = new StringBuilder("| probe | what the store held |\n|---|---|\n");
            for (String[] row : table) out.append("| ").append(String.join(" | ", row)).append(" |\n");
            System.out.println("\nCycle crash probes (CycleCrashIT):\n" + out + "Logs: " + logs);
            Path file = Path.of("target", "reliability", "cycle-crash-probes.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
            ChildApplication.cleanUp(dataDir);
        }
    }

    private static ChildApplication ready(ChildApplication app) {
        app.awaitLog("VPP backend ready", START, Duration.ofMillis(100));
        return app;
    }

    private static void awaitWhileAlive(ChildApplication app, String what, Duration atMost, Callable<Boolean> condition) {
        await(what).atMost(atMost).pollInterval(FAST_POLL).pollDelay(Duration.ZERO).until(() -> {
            if (!app.alive()) throw new AssertionError("ended before " + what + ":\n" + ChildApplication.tail(app.log()));
            return condition.call();
        });
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    /** The bid's events of the given step ('|' between alternatives). */
    private static List<String> bidEvents(StoredEvents store, String step) throws SQLException {
        List<String> types = store.types(BID);
        List<String> wanted = List.of(step.split("\\|"));
        return types.stream().filter(wanted::contains).toList();
    }

    /** Every row of the group's tables, as text, sorted. */
    private static List<String> rows(StoredEvents store, String group) throws SQLException {
        List<String> tables = switch (group) {
            case "bids" -> org.vpp.query.bid.BidProjection.TABLES;
            case "dispatches" -> org.vpp.query.dispatch.DispatchProjection.TABLES;
            default -> throw new IllegalArgumentException(group);
        };
        List<String> rows = new ArrayList<>();
        try (Connection c = store.open()) {
            for (String table : tables) {
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= columns; i++) row.append(' ').append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i));
                        rows.add(row.toString());
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
