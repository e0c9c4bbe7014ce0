package org.vpp.command.asset;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetId;

/** A hand-filled tree for aggregate tests, standing in for the JDBC lookup. */
final class InMemoryAssetTopology implements AssetTopology {

    private final Map<AssetId, TopologyNode> nodes = new HashMap<>();
    /** The locks taken, in order: "move", "register:<parent>", "decommission:<node>". */
    final java.util.List<String> locks = new java.util.ArrayList<>();

    InMemoryAssetTopology add(AssetId id, AssetKind kind, AssetId parent) {
        nodes.put(id, new TopologyNode(id, kind, parent, false));
        return this;
    }

    InMemoryAssetTopology decommissioned(AssetId id) {
        TopologyNode n = nodes.get(id);
        nodes.put(id, new TopologyNode(id, n.kind(), n.parentId(), true));
        return this;
    }

    @Override
    public Optional<TopologyNode> find(AssetId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public boolean isSelfOrAncestor(AssetId candidate, AssetId node) {
        for (AssetId at = node; at != null; at = nodes.containsKey(at) ? nodes.get(at).parentId() : null) {
            if (at.equals(candidate)) return true;
        }
        return false;
    }

    @Override
    public int activeChildCount(AssetId id) {
        return (int) nodes.values().stream().filter(n -> id.equals(n.parentId()) && !n.decommissioned()).count();
    }

    @Override
    public void lockForMove() {
        locks.add("move");
    }

    @Override
    public void lockForRegistration(AssetId parent) {
        locks.add("register:" + (parent == null ? "" : parent.value()));
    }

    @Override
    public void lockForDecommission(AssetId node) {
        locks.add("decommission:" + node.value());
    }
}
