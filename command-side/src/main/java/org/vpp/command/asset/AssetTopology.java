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
     * Serialises tree changes until the current transaction ends, so that two concurrent moves cannot together
     * build a cycle that neither would alone.
     */
    void lockForTreeChange();
}
