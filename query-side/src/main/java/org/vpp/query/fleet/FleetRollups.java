package org.vpp.query.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.vpp.messages.asset.AssetId;
import org.vpp.messages.fleet.FleetView;
import org.vpp.messages.fleet.LastTelemetry;

/**
 * The fleet's roll-ups, computed from one shared copy of the whole tree that is read again only when it must be.
 * <ul>
 *   <li>The projection's events change the tree (a node added, moved, limited, its status): it calls {@link #changed()}
 *       after it commits, and the next request reads the whole tree again.</li>
 *   <li>Telemetry changes only devices' newest readings, many times a second under load: ingestion calls
 *       {@link #telemetryChanged} after it commits, and the next request reads the newest state of just those devices
 *       into the copy. A reader sees every reading committed before its request (read your writes), without the
 *       whole tree read again for each batch.</li>
 *   <li>Another node of a scaled-out deployment writes without telling this one: once the copy is older than
 *       {@code maxAge}, the next request compares the tree's fingerprint (every event raises its node's version) and
 *       reads the tree again if it moved, and reads every device's newest state either way.</li>
 * </ul>
 * While an event's change is not yet in the copy, a subtree of at most {@link #SMALL_SUBTREE} nodes (a site, a small
 * region) is read on its own instead of waiting for the whole tree to be read again. A roll-up is computed once per
 * root and version of the copy and shared; concurrent requests while the copy is
 * brought up to date wait for that one (single flight) instead of each reading the tree again.
 */
public final class FleetRollups {

    private static final int MAX_ENTRIES = 2_000;
    /** Subtrees up to this size are read on their own while the whole tree must be read again after an event. */
    static final int SMALL_SUBTREE = 1_000;

    /** The whole fleet as last read, with the telemetry ingested since patched in; never changed once built. */
    private record Tree(long structure, long telemetry, long fingerprint, long checkedAt, Map<AssetId, FleetRow> rows,
                        Map<AssetId, List<AssetId>> children) {

        static Tree of(long structure, long telemetry, long fingerprint, long checkedAt, List<FleetRow> rows) {
            Map<AssetId, FleetRow> byId = new HashMap<>(rows.size() * 2);
            Map<AssetId, List<AssetId>> children = new HashMap<>();
            for (FleetRow row : rows) {
                byId.put(row.id(), row);
                if (row.parentId() != null) children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row.id());
            }
            return new Tree(structure, telemetry, fingerprint, checkedAt, byId, children);
        }

        Tree withStates(Map<AssetId, LastTelemetry> states, long telemetry, long checkedAt) {
            Map<AssetId, FleetRow> byId = new HashMap<>(rows);
            states.forEach((id, last) -> byId.computeIfPresent(id, (k, row) -> new FleetRow(row.id(), row.parentId(),
                    row.kind(), row.name(), row.status(), row.limits(), last)));
            return new Tree(structure, telemetry, fingerprint, checkedAt, byId, children);
        }

        /** Whether the subtree under {@code root} has at most {@code limit} nodes (true when there is no such node). */
        boolean hasAtMost(AssetId root, int limit) {
            int count = 0;
            Deque<AssetId> stack = new ArrayDeque<>();
            if (rows.containsKey(root)) stack.push(root);
            while (!stack.isEmpty()) {
                if (++count > limit) return false;
                for (AssetId child : children.getOrDefault(stack.pop(), List.of())) stack.push(child);
            }
            return true;
        }

        /** The subtree under {@code root} (inclusive), every node when null, none when there is no such node. */
        List<FleetRow> subtree(AssetId root) {
            if (root == null) return List.copyOf(rows.values());
            List<FleetRow> out = new ArrayList<>();
            Set<AssetId> seen = new HashSet<>();
            Deque<AssetId> stack = new ArrayDeque<>();
            if (rows.containsKey(root)) stack.push(root);
            while (!stack.isEmpty()) {
                AssetId id = stack.pop();
                if (!seen.add(id)) continue;
                out.add(rows.get(id));
                for (AssetId child : children.getOrDefault(id, List.of())) stack.push(child);
            }
            return out;
        }
    }

    private record Entry(Tree tree, CompletableFuture<FleetView> view) {
    }

    private final FleetRepository repository;
    private final long maxAgeNanos;
    private final LongSupplier nanos;
    private final AtomicLong structure = new AtomicLong();
    /** Raised after the devices of each committed ingestion are added to {@code reported}. */
    private final AtomicLong telemetry = new AtomicLong();
    private final Set<AssetId> reported = ConcurrentHashMap.newKeySet();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Tree tree;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public FleetRollups(FleetRepository repository, java.time.Duration maxAge, LongSupplier nanos) {
        this.repository = repository;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanos = nanos;
    }

    /** The tree changed (an event applied) and is committed: the next request reads it again. */
    public void changed() {
        structure.incrementAndGet();
    }

    /** Readings of these devices are committed: the next request reads their newest state. */
    public void telemetryChanged(Collection<AssetId> devices) {
        reported.addAll(devices);
        telemetry.incrementAndGet();
    }

    /** The roll-up under {@code root} (the whole fleet when null), as of the last committed change. */
    public FleetView rollup(AssetId root) {
        Tree stale = tree;
        if (root != null && stale != null && stale.structure() != structure.get() && stale.hasAtMost(root, SMALL_SUBTREE)) {
            // An event changed the tree: reading it whole takes a while under load, and a site's own subtree is a
            // small query of its own. Only a large subtree waits for (or does) the whole read.
            return FleetRollup.rollup(repository.subtree(root), root);
        }
        Tree current = current();
        String key = root == null ? "" : root.value();
        if (cache.size() > MAX_ENTRIES) cache.clear();
        Entry fresh = new Entry(current, new CompletableFuture<>());
        Entry entry = cache.compute(key, (k, old) -> old != null && old.tree() == current
                && !old.view().isCompletedExceptionally() ? old : fresh);
        if (entry == fresh) {
            try {
                fresh.view().complete(FleetRollup.rollup(current.subtree(root), root));
            } catch (RuntimeException e) {
                fresh.view().completeExceptionally(e);
                cache.remove(key, fresh);
                throw e;
            }
        }
        return entry.view().join();
    }

    /**
     * The tree brought up to date with every change committed before this call. A copy that includes every change
     * told so far is returned as it is, without waiting for a request that is reading; when it is only old, one
     * request compares it with the database while the others still answer from it.
     */
    private Tree current() {
        Tree t = tree;
        if (t != null && t.structure() == structure.get() && t.telemetry() == telemetry.get()) {
            if (nanos.getAsLong() - t.checkedAt() < maxAgeNanos) return t;
            // Only old (another node may have written): one request looks, the others answer from the copy meanwhile.
            if (!refreshing.tryLock()) return t;
        } else {
            refreshing.lock();
        }
        try {
            t = tree;
            long now = nanos.getAsLong();
            long st = structure.get();
            long tv = telemetry.get(); // every device told up to here is in reported now
            if (t == null || t.structure() != st) {
                reported.clear();
                t = Tree.of(st, tv, repository.treeFingerprint(), now, repository.subtree(null));
            } else if (now - t.checkedAt() >= maxAgeNanos) {
                long fingerprint = repository.treeFingerprint();
                reported.clear();
                t = fingerprint != t.fingerprint() ? Tree.of(st, tv, fingerprint, now, repository.subtree(null))
                        : t.withStates(repository.lastStates(null), tv, now);
            } else if (t.telemetry() != tv) {
                List<AssetId> devices = new ArrayList<>(reported);
                reported.removeAll(devices);
                try {
                    t = t.withStates(repository.lastStates(devices), tv, t.checkedAt());
                } catch (RuntimeException e) {
                    reported.addAll(devices);
                    throw e;
                }
            }
            tree = t;
            return t;
        } finally {
            refreshing.unlock();
        }
    }
}
