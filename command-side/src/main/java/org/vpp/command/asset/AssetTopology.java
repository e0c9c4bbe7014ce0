package org.vpp.command.asset;

import java.util.Optional;

import org.vpp.messages.asset.AssetId;

/**
 * The command side's consistent view of the tree, for rules that span assets (parent exists and is a group,
 * no cycles, no orphans). It is updated in the same transaction as the events it follows, so it never lags the
 * event store.
 */
public interface AssetTopology {

    Optional<TopologyNode> find(AssetId id);

    /** True when {@code candidate} is {@code node} itself or one of its ancestors. */
    boolean isSelfOrAncestor(AssetId candidate, AssetId node);

    /** Children of {@code id} that are not decommissioned. */
    int activeChildCount(AssetId id);

    /**
     * Before a move, until the current transaction ends: excludes every other tree change (registrations and
     * decommissions included), so that two concurrent moves cannot together build a cycle that neither would alone,
     * and nothing is registered under or moved into a node while its subtree changes place.
     */
    void lockForMove();

    /**
     * Before a registration under {@code parent} (none for a root), until the current transaction ends: excludes moves
     * and the decommissioning of that parent, so a child is never added to a parent being decommissioned. Other
     * registrations, under the same parent or elsewhere, go on at the same time: a new node has no descendants, so it
     * cannot close a cycle, and two registrations of one id meet at the event store's unique key.
     */
    void lockForRegistration(AssetId parent);

    /**
     * Before decommissioning {@code node}, until the current transaction ends: excludes moves and any registration
     * under {@code node}, so its count of active children cannot change before the decommission is recorded.
     */
    void lockForDecommission(AssetId node);
}
