package org.vpp.query.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.vpp.query.fleet.FleetRollupTest.battery;
import static org.vpp.query.fleet.FleetRollupTest.device;
import static org.vpp.query.fleet.FleetRollupTest.group;
import static org.vpp.query.fleet.FleetRollupTest.reading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetStatus;
import org.vpp.messages.fleet.LastTelemetry;

/** When the shared copy of the tree is read again, and what a request sees of the telemetry committed before it. */
class FleetRollupsTest {

    private static final AssetId B1 = AssetId.of("b1");
    private static final AssetId B2 = AssetId.of("b2");

    /** What the database holds: the tree, each device's newest state, and the tree's fingerprint. */
    private final Map<AssetId, FleetRow> nodes = new ConcurrentHashMap<>();
    private final Map<AssetId, LastTelemetry> states = new ConcurrentHashMap<>();
    private final AtomicLong fingerprint = new AtomicLong(1);

    private final AtomicInteger treeReads = new AtomicInteger();
    private final List<AssetId> subtreeReads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Collection<AssetId>> stateReads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch allStatesGate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    private final FleetRepository repository = new FleetRepository(null) {
        @Override
        public List<FleetRow> subtree(AssetId rootId) {
            if (rootId != null) {
                subtreeReads.add(rootId);
            } else {
                treeReads.incrementAndGet();
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return nodes.values().stream().map(r -> withState(r, states.get(r.id()))).toList();
        }

        @Override
        public Map<AssetId, LastTelemetry> lastStates(Collection<AssetId> ids) {
            stateReads.add(ids == null ? null : List.copyOf(ids));
            if (ids == null) {
                try {
                    allStatesGate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<AssetId, LastTelemetry> out = new HashMap<>();
            for (AssetId id : ids == null ? states.keySet() : ids) if (states.containsKey(id)) out.put(id, states.get(id));
            return out;
        }

        @Override
        public long treeFingerprint() {
            return fingerprint.get();
        }
    };
    private final FleetRollups rollups = new FleetRollups(repository, Duration.ofSeconds(1), nanos::get);

    private static FleetRow withState(FleetRow row, LastTelemetry last) {
        return new FleetRow(row.id(), row.parentId(), row.kind(), row.name(), row.status(), row.limits(), last);
    }

    private void fleet() {
        nodes.put(AssetId.of("pf"), group("pf", null, AssetKind.PORTFOLIO, AssetStatus.ONLINE, null));
        nodes.put(AssetId.of("site-1"), group("site-1", "pf", AssetKind.SITE, AssetStatus.ONLINE, null));
        nodes.put(AssetId.of("site-2"), group("site-2", "pf", AssetKind.SITE, AssetStatus.ONLINE, null));
        nodes.put(B1, device("b1", "site-1", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-1, 1, 2, 0.1, 0.9, null), null));
        nodes.put(B2, device("b2", "site-2", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-1, 1, 2, 0.1, 0.9, null), null));
        states.put(B1, reading(0.2, 0.5));
        states.put(B2, reading(0.3, 0.5));
    }

    private double currentMw(AssetId root) {
        return rollups.rollup(root).available().currentPowerMw();
    }

    @Test
    void theTreeIsReadOnceForEveryRootUntilAnEventChangesIt() {
        fleet();
        assertThat(currentMw(null)).isCloseTo(0.5, within(1e-9));
        assertThat(currentMw(AssetId.of("site-1"))).as("a site of the same copy").isCloseTo(0.2, within(1e-9));
        assertThat(rollups.rollup(AssetId.of("nowhere")).nodes()).isEmpty();
        assertThat(treeReads).hasValue(1);

        nodes.put(AssetId.of("b3"), device("b3", "site-1", AssetKind.BATTERY, AssetStatus.ONLINE, battery(-1, 1, 2, 0.1, 0.9, null), null));
        states.put(AssetId.of("b3"), reading(0.4, 0.5));
        assertThat(currentMw(AssetId.of("site-1"))).as("not yet told").isCloseTo(0.2, within(1e-9));
        rollups.changed();
        assertThat(currentMw(AssetId.of("site-1"))).as("a small subtree read on its own").isCloseTo(0.6, within(1e-9));
        assertThat(treeReads).hasValue(1);
        assertThat(currentMw(null)).isCloseTo(0.9, within(1e-9));
        assertThat(treeReads).hasValue(2);
        assertThat(currentMw(AssetId.of("site-1"))).isCloseTo(0.6, within(1e-9));
        assertThat(subtreeReads).containsExactly(AssetId.of("site-1"));
    }

    @Test
    void committedTelemetryIsSeenByTheNextRequestReadingOnlyTheDevicesThatReported() {
        fleet();
        currentMw(null);
        states.put(B1, reading(0.7, 0.5));
        rollups.telemetryChanged(List.of(B1));

        assertThat(currentMw(null)).as("read your writes").isCloseTo(1.0, within(1e-9));
        assertThat(currentMw(AssetId.of("site-1"))).isCloseTo(0.7, within(1e-9));
        assertThat(treeReads).as("the tree itself is not read again").hasValue(1);
        assertThat(stateReads).containsExactly(List.of(B1));
    }

    @Test
    void onceTheCopyIsOldItIsComparedWithTheDatabaseForWhatAnotherNodeWrote() {
        fleet();
        currentMw(null);
        states.put(B2, reading(0.9, 0.5)); // another node's ingestion: nobody calls telemetryChanged here

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(currentMw(null)).isCloseTo(0.5, within(1e-9));
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(currentMw(null)).as("every device's state read after a second").isCloseTo(1.1, within(1e-9));
        assertThat(treeReads).as("the fingerprint did not move").hasValue(1);
        assertThat(stateReads).as("all of them, in one read").containsExactly((Collection<AssetId>) null);

        nodes.remove(B2);
        fingerprint.incrementAndGet(); // another node applied an event
        nanos.addAndGet(Duration.ofMillis(1_001).toNanos());
        assertThat(currentMw(null)).isCloseTo(0.2, within(1e-9));
        assertThat(treeReads).hasValue(2);
    }

    @Test
    void whileOneRequestComparesAnOldCopyWithTheDatabaseTheOthersAnswerFromIt() throws Exception {
        fleet();
        currentMw(null);
        nanos.addAndGet(Duration.ofMillis(1_001).toNanos());
        states.put(B1, reading(0.7, 0.5)); // another node's ingestion
        allStatesGate = new CountDownLatch(1);
        var looking = new Thread(() -> rollups.rollup(null));
        looking.start();
        Awaitility.await().until(() -> stateReads.contains(null));

        var site = new CompletableFuture<Double>();
        new Thread(() -> site.complete(currentMw(AssetId.of("site-1")))).start(); // not the common pool: it is busy
        Awaitility.await("a site answered while the copy is compared").until(site::isDone);
        assertThat(site.join()).as("answered from the copy meanwhile").isCloseTo(0.2, within(1e-9));

        allStatesGate.countDown();
        looking.join();
        assertThat(currentMw(AssetId.of("site-1"))).isCloseTo(0.7, within(1e-9));
        assertThat(stateReads).containsExactly((Collection<AssetId>) null);
    }

    @Test
    void aFailedReadOfReportedDevicesIsRetriedByTheNextRequest() {
        fleet();
        currentMw(null);
        states.put(B1, reading(0.7, 0.5));
        rollups.telemetryChanged(List.of(B1));
        var failing = new FleetRollups(new FleetRepository(null) {
            int calls;

            @Override
            public List<FleetRow> subtree(AssetId rootId) {
                return repository.subtree(rootId);
            }

            @Override
            public Map<AssetId, LastTelemetry> lastStates(Collection<AssetId> ids) {
                if (calls++ == 0) throw new IllegalStateException("database away");
                return repository.lastStates(ids);
            }

            @Override
            public long treeFingerprint() {
                return 1;
            }
        }, Duration.ofSeconds(1), nanos::get);
        failing.rollup(null);
        failing.telemetryChanged(List.of(B1));
        states.put(B1, reading(0.8, 0.5));
        try {
            failing.rollup(null);
        } catch (IllegalStateException expected) {
            // the request fails; the device stays marked
        }
        assertThat(failing.rollup(null).available().currentPowerMw()).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void whileAnEventsChangeIsNotInTheCopyASiteIsReadOnItsOwnAndTheWholeTreeOnce() throws Exception {
        fleet();
        currentMw(null);
        assertThat(subtreeReads).isEmpty();
        states.put(B1, reading(0.9, 0.5));
        gate = new CountDownLatch(1);
        rollups.changed();
        var whole = CompletableFuture.runAsync(() -> rollups.rollup(null));
        Awaitility.await().until(() -> treeReads.get() == 2); // the whole tree is being read, and held there

        assertThat(currentMw(AssetId.of("site-1"))).as("not waiting for the whole read").isCloseTo(0.9, within(1e-9));
        assertThat(subtreeReads).containsExactly(AssetId.of("site-1"));
        assertThat(whole).isNotDone();

        gate.countDown();
        whole.join();
        assertThat(currentMw(AssetId.of("site-1"))).as("from the copy again").isCloseTo(0.9, within(1e-9));
        assertThat(subtreeReads).hasSize(1);
        assertThat(treeReads).hasValue(2);
    }

    @Test
    void aRequestArrivingWhileTheTreeIsReadWaitsForThatReadInsteadOfReadingAgain() throws Exception {
        fleet();
        gate = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> rollups.rollup(null));
        entered.await();
        Thread second = new Thread(() -> rollups.rollup(AssetId.of("site-1")));
        second.start();
        Awaitility.await().until(() -> second.getState() == Thread.State.WAITING);
        assertThat(treeReads).as("the second request waits for the first's read").hasValue(1);
        gate.countDown();
        first.join();
        second.join();
        assertThat(treeReads).hasValue(1);
    }
}
