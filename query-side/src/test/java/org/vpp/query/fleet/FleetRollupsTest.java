package org.vpp.query.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.vpp.messages.asset.AssetId;

class FleetRollupsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);

    private final FleetRepository repository = new FleetRepository(null) {
        @Override
        public List<FleetRow> subtree(AssetId rootId) {
            reads.incrementAndGet();
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    };
    private final FleetRollups rollups = new FleetRollups(repository, Duration.ofSeconds(1), nanos::get);

    @Test
    void aRollupIsReadOnceUntilTheFleetChangesOrItGrowsOld() {
        rollups.rollup(null);
        rollups.rollup(null);
        assertThat(reads).hasValue(1);
        rollups.rollup(AssetId.of("site-1"));
        assertThat(reads).as("another root is another roll-up").hasValue(2);

        rollups.changed();
        rollups.rollup(null);
        assertThat(reads).as("recomputed after a change").hasValue(3);

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        rollups.rollup(null);
        assertThat(reads).hasValue(3);
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        rollups.rollup(null);
        assertThat(reads).as("recomputed after a second: another node may have written").hasValue(4);
    }

    @Test
    void aRequestArrivingWhileTheRollupIsComputedWaitsForItInsteadOfReadingAgain() throws Exception {
        gate = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> rollups.rollup(null));
        entered.await();
        Thread second = new Thread(() -> rollups.rollup(null));
        second.start();
        Awaitility.await().until(() -> second.getState() == Thread.State.WAITING);
        assertThat(reads).as("the second request waits for the first's computation").hasValue(1);
        gate.countDown();
        first.join();
        second.join();
        assertThat(reads).hasValue(1);
    }
}
