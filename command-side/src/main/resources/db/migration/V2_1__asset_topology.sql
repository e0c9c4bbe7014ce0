-- Command-side lookup of the fleet tree, written in the same transaction as the Asset events it follows
-- (subscribing processor "asset-topology"). Used for rules that span assets: parent exists and is a group,
-- no cycles, no orphans.
CREATE TABLE asset_topology (
    asset_id       VARCHAR(64) PRIMARY KEY,
    kind           VARCHAR(16) NOT NULL,
    parent_id      VARCHAR(64),
    decommissioned BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX asset_topology_parent ON asset_topology (parent_id);
