package org.vpp.query.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.FleetView;

/**
 * The fleet's roll-ups, computed once per change and shared: every write to the fleet read model (the projection's
 * events, telemetry ingestion) calls {@link #changed()} after it commits, and a roll-up is recomputed only when
 * something changed since it was computed, or it is older than {@code maxAge} (the bound on staleness when another
 * node of a scaled-out deployment wrote). Concurrent requests for the same root while one computes wait for that one
 * (single flight) instead of each reading and rolling up the tree again.
 */
public final class FleetRollups {

    private static final int MAX_ENTRIES = 2_000;

    private record Entry(long generation, long computedAt, CompletableFuture<FleetView> view) {
    }

    private final FleetRepository repository;
    private final long maxAgeNanos;
    private final LongSupplier nanos;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public FleetRollups(FleetRepository repository, java.time.Duration maxAge, LongSupplier nanos) {
        this.repository = repository;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanos = nanos;
    }

    /** Something in the fleet read model changed and is committed: later requests compute afresh. */
    public void changed() {
        generation.incrementAndGet();
    }

    /** The roll-up under {@code root} (the whole fleet when null), as of the last committed change. */
    public FleetView rollup(AssetId root) {
        String key = root == null ? "" : root.value();
        long current = generation.get();
        long now = nanos.getAsLong();
        if (cache.size() > MAX_ENTRIES) cache.clear();
        Entry fresh = new Entry(current, now, new CompletableFuture<>());
        Entry entry = cache.compute(key, (k, old) -> old != null && old.generation() == current
                && now - old.computedAt() < maxAgeNanos && !old.view().isCompletedExceptionally() ? old : fresh);
        if (entry == fresh) {
            try {
                fresh.view().complete(FleetRollup.rollup(repository.subtree(root), root));
            } catch (RuntimeException e) {
                fresh.view().completeExceptionally(e);
                cache.remove(key, fresh);
                throw e;
            }
        }
        return entry.view().join();
    }
}
