package org.vpp.command.asset;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vpp.kernel.AssetKind;
import org.vpp.messages.asset.AssetDecommissioned;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.AssetMoved;
import org.vpp.messages.asset.AssetRegistered;

/**
 * {@link AssetTopology} on PostgreSQL. Its event handlers belong to the subscribing processing group
 * {@value #PROCESSING_GROUP}, so they run inside the command's transaction: the lookup can never lag the events,
 * and a failure here rolls the command back (the application configures a propagating error handler).
 */
@ProcessingGroup(JdbcAssetTopology.PROCESSING_GROUP)
public class JdbcAssetTopology implements AssetTopology {

    public static final String PROCESSING_GROUP = "asset-topology";
    private static final long TREE_LOCK = 0x5650505f54524545L; // "VPP_TREE"

    private final JdbcTemplate jdbc;

    public JdbcAssetTopology(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TopologyNode> find(AssetId id) {
        return jdbc.query("SELECT asset_id, kind, parent_id, decommissioned FROM asset_topology WHERE asset_id = ?",
                (rs, i) -> new TopologyNode(AssetId.of(rs.getString(1)), AssetKind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : AssetId.of(rs.getString(3)), rs.getBoolean(4)),
                id.value()).stream().findFirst();
    }

    @Override
    public boolean isSelfOrAncestor(AssetId candidate, AssetId node) {
        Boolean found = jdbc.queryForObject("""
                WITH RECURSIVE up(asset_id, parent_id) AS (
                    SELECT asset_id, parent_id FROM asset_topology WHERE asset_id = ?
                    UNION ALL
                    SELECT t.asset_id, t.parent_id FROM asset_topology t JOIN up ON t.asset_id = up.parent_id)
                SELECT EXISTS (SELECT 1 FROM up WHERE asset_id = ?)""", Boolean.class, node.value(), candidate.value());
        return Boolean.TRUE.equals(found);
    }

    @Override
    public int activeChildCount(AssetId id) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM asset_topology WHERE parent_id = ? AND NOT decommissioned", Integer.class, id.value());
        return n == null ? 0 : n;
    }

    /*
     * PostgreSQL transaction-level advisory locks: the tree as a whole under one bigint key, each node under the
     * two-int key (NODE_LOCKS, hashtext(id)), a separate key space. Moves hold the tree exclusively; registrations and
     * decommissions hold it shared, plus their node: shared for a registration's parent, exclusive for the node being
     * decommissioned. A hash collision only serialises two unrelated nodes.
     */
    private static final int NODE_LOCKS = 0x56505031; // "VPP1"

    @Override
    public void lockForMove() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, TREE_LOCK);
    }

    @Override
    public void lockForRegistration(AssetId parent) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", rs -> null, TREE_LOCK);
        if (parent != null) {
            jdbc.query("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))", rs -> null, NODE_LOCKS, parent.value());
        }
    }

    @Override
    public void lockForDecommission(AssetId node) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", rs -> null, TREE_LOCK);
        jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> null, NODE_LOCKS, node.value());
    }

    @EventHandler
    void on(AssetRegistered e) {
        jdbc.update("INSERT INTO asset_topology (asset_id, kind, parent_id) VALUES (?, ?, ?)",
                e.assetId().value(), e.kind().name(), e.parentId() == null ? null : e.parentId().value());
    }

    @EventHandler
    void on(AssetMoved e) {
        jdbc.update("UPDATE asset_topology SET parent_id = ? WHERE asset_id = ?", e.toParentId().value(), e.assetId().value());
    }

    @EventHandler
    void on(AssetDecommissioned e) {
        jdbc.update("UPDATE asset_topology SET decommissioned = TRUE WHERE asset_id = ?", e.assetId().value());
    }
}
