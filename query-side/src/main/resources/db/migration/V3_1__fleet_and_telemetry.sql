-- Fleet read model: one row per asset, written by the tracking projection "fleet" (idempotent by version =
-- the aggregate sequence number of the last event applied). Rebuildable by replay.
CREATE TABLE asset_node (
    asset_id                 VARCHAR(64) COLLATE "C" PRIMARY KEY,
    kind                     VARCHAR(16)  NOT NULL,
    name                     VARCHAR(200) NOT NULL,
    parent_id                VARCHAR(64) COLLATE "C",
    status                   VARCHAR(16)  NOT NULL,
    status_origin            VARCHAR(16)  NOT NULL,
    status_reason            VARCHAR(500),
    latitude                 DOUBLE PRECISION,
    longitude                DOUBLE PRECISION,
    min_power_mw             DOUBLE PRECISION,
    max_power_mw             DOUBLE PRECISION,
    energy_capacity_mwh      DOUBLE PRECISION,
    charge_efficiency        DOUBLE PRECISION,
    discharge_efficiency     DOUBLE PRECISION,
    ramp_rate_mw_per_min     DOUBLE PRECISION,
    min_soc                  DOUBLE PRECISION,
    max_soc                  DOUBLE PRECISION,
    reserve_soc              DOUBLE PRECISION,
    grid_connection_limit_mw DOUBLE PRECISION,
    registered_at            TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL
);
CREATE INDEX asset_node_parent ON asset_node (parent_id);
CREATE INDEX asset_node_kind_status ON asset_node (kind, status);

-- Telemetry: append-only and time-indexed, not in the event store. (asset_id, at) is the identity of a
-- reading, so a re-sent batch stores nothing twice.
CREATE TABLE telemetry_reading (
    asset_id    VARCHAR(64) COLLATE "C" NOT NULL,
    at          TIMESTAMPTZ      NOT NULL,
    power_mw    DOUBLE PRECISION NOT NULL,
    soc         DOUBLE PRECISION,
    available   BOOLEAN          NOT NULL,
    received_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (asset_id, at)
);
CREATE INDEX telemetry_reading_at ON telemetry_reading USING BRIN (at);

-- Last-known state per device: the newest reading by measurement time.
CREATE TABLE asset_last_state (
    asset_id    VARCHAR(64) COLLATE "C" PRIMARY KEY,
    at          TIMESTAMPTZ      NOT NULL,
    power_mw    DOUBLE PRECISION NOT NULL,
    soc         DOUBLE PRECISION,
    available   BOOLEAN          NOT NULL,
    received_at TIMESTAMPTZ      NOT NULL
);
