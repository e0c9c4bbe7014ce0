-- Dispatch read model, written by the tracking projection "dispatches" from the Dispatch aggregate's events
-- (idempotent by version = the aggregate sequence number of the last event applied). Rebuildable by replay.
-- Energies and powers are DOUBLE PRECISION as in the events; money is NUMERIC(14,2), EUR to the cent.

-- One row per dispatch. Each step's columns stay null until it happens.
CREATE TABLE dispatch (
    dispatch_id               VARCHAR(100) COLLATE "C" PRIMARY KEY,
    kind                      VARCHAR(10)  NOT NULL,
    status                    VARCHAR(12)  NOT NULL,
    bid_id                    VARCHAR(40),
    node_id                   VARCHAR(64)  NOT NULL,
    -- the date of the first slot in the market's time zone (for a market dispatch: its bid's delivery day)
    delivery_day              DATE         NOT NULL,
    planned_at                TIMESTAMPTZ  NOT NULL,
    delivery_start            TIMESTAMPTZ  NOT NULL,
    delivery_end              TIMESTAMPTZ  NOT NULL,
    slot_seconds              INTEGER      NOT NULL,
    plan_id                   VARCHAR(200),
    plan_sha256               CHAR(64),
    device_count              INTEGER      NOT NULL,
    requested_mw              DOUBLE PRECISION,
    unmet_mw                  DOUBLE PRECISION,
    reason                    TEXT,
    cancelled_at              TIMESTAMPTZ,
    cancel_reason             TEXT,
    completed_at              TIMESTAMPTZ,
    slots_measured            INTEGER,
    mean_deviation_mw         DOUBLE PRECISION,
    -- the settlement (DispatchSettled); its slots and nodes in settlement_slot and settlement_node
    settled_at                TIMESTAMPTZ,
    settlement_day            DATE,
    settlement_pricing        TEXT,
    settlement_per_asset_id   VARCHAR(200),
    settlement_per_asset_sha256 CHAR(64),
    revenue_eur               NUMERIC(14, 2),
    imbalance_eur             NUMERIC(14, 2),
    updated_at                TIMESTAMPTZ  NOT NULL,
    version                   BIGINT       NOT NULL
);
-- Listing: latest delivery start first, then by id (the keyset of the dispatches connection).
CREATE INDEX dispatch_start_id ON dispatch (delivery_start DESC, dispatch_id);
CREATE INDEX dispatch_day ON dispatch (delivery_day);
CREATE INDEX dispatch_settlement_day ON dispatch (settlement_day) WHERE settlement_day IS NOT NULL;

-- A manual request's parts per asset, in merit order (position).
CREATE TABLE dispatch_allocation (
    dispatch_id                VARCHAR(100) COLLATE "C" NOT NULL REFERENCES dispatch (dispatch_id) ON DELETE CASCADE,
    position                   INTEGER          NOT NULL,
    asset_id                   VARCHAR(64)      NOT NULL,
    power_mw                   DOUBLE PRECISION NOT NULL,
    marginal_cost_eur_per_mwh  DOUBLE PRECISION NOT NULL,
    headroom_mw                DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (dispatch_id, position)
);

-- One row per slot, written on planning; dispatching and measuring fill their columns.
CREATE TABLE dispatch_slot (
    dispatch_id                VARCHAR(100) COLLATE "C" NOT NULL REFERENCES dispatch (dispatch_id) ON DELETE CASCADE,
    slot_start                 TIMESTAMPTZ      NOT NULL,
    target_mw                  DOUBLE PRECISION NOT NULL,
    clearing_price_eur_per_mwh DOUBLE PRECISION,
    dispatched_at              TIMESTAMPTZ,
    setpoints_sent             INTEGER,
    uncovered_mw               DOUBLE PRECISION,
    measured_at                TIMESTAMPTZ,
    delivered_mw               DOUBLE PRECISION,
    deviation_mw               DOUBLE PRECISION,
    readings                   INTEGER,
    devices_without_readings   INTEGER,
    per_asset_id               VARCHAR(200),
    per_asset_sha256           CHAR(64),
    PRIMARY KEY (dispatch_id, slot_start)
);

-- A slot's lists, one row per entry in the event's order (position); a slot dispatched or measured again replaces
-- its rows.
CREATE TABLE dispatch_shortfall (
    dispatch_id  VARCHAR(100) COLLATE "C" NOT NULL,
    slot_start   TIMESTAMPTZ      NOT NULL,
    position     INTEGER          NOT NULL,
    asset_id     VARCHAR(64)      NOT NULL,
    missing_mw   DOUBLE PRECISION NOT NULL,
    cause        VARCHAR(20)      NOT NULL,
    PRIMARY KEY (dispatch_id, slot_start, position),
    FOREIGN KEY (dispatch_id, slot_start) REFERENCES dispatch_slot (dispatch_id, slot_start) ON DELETE CASCADE
);
CREATE INDEX dispatch_shortfall_asset ON dispatch_shortfall (asset_id);

CREATE TABLE dispatch_redispatch (
    dispatch_id    VARCHAR(100) COLLATE "C" NOT NULL,
    slot_start     TIMESTAMPTZ      NOT NULL,
    position       INTEGER          NOT NULL,
    from_asset_id  VARCHAR(64)      NOT NULL,
    to_asset_id    VARCHAR(64)      NOT NULL,
    power_mw       DOUBLE PRECISION NOT NULL,
    level          VARCHAR(20)      NOT NULL,
    PRIMARY KEY (dispatch_id, slot_start, position),
    FOREIGN KEY (dispatch_id, slot_start) REFERENCES dispatch_slot (dispatch_id, slot_start) ON DELETE CASCADE
);

-- asset_id is null for what no single device caused (uncovered shortfall, devices without setpoints).
CREATE TABLE dispatch_deviation_cause (
    dispatch_id   VARCHAR(100) COLLATE "C" NOT NULL,
    slot_start    TIMESTAMPTZ      NOT NULL,
    position      INTEGER          NOT NULL,
    asset_id      VARCHAR(64),
    deviation_mw  DOUBLE PRECISION NOT NULL,
    cause         TEXT             NOT NULL,
    PRIMARY KEY (dispatch_id, slot_start, position),
    FOREIGN KEY (dispatch_id, slot_start) REFERENCES dispatch_slot (dispatch_id, slot_start) ON DELETE CASCADE
);

-- A settled dispatch per slot (SlotSettlement): energies in MWh, prices in EUR/MWh, money in EUR.
CREATE TABLE settlement_slot (
    dispatch_id                  VARCHAR(100) COLLATE "C" NOT NULL REFERENCES dispatch (dispatch_id) ON DELETE CASCADE,
    slot_start                   TIMESTAMPTZ      NOT NULL,
    target_mwh                   DOUBLE PRECISION NOT NULL,
    delivered_mwh                DOUBLE PRECISION NOT NULL,
    deviation_mwh                DOUBLE PRECISION NOT NULL,
    clearing_price_eur_per_mwh   DOUBLE PRECISION NOT NULL,
    imbalance_price_eur_per_mwh  DOUBLE PRECISION NOT NULL,
    system_direction             VARCHAR(20),
    revenue_eur                  NUMERIC(14, 2)   NOT NULL,
    imbalance_eur                NUMERIC(14, 2)   NOT NULL,
    PRIMARY KEY (dispatch_id, slot_start)
);

-- A settled dispatch per group (NodeSettlement), in the settlement's order (position).
CREATE TABLE settlement_node (
    dispatch_id    VARCHAR(100) COLLATE "C" NOT NULL REFERENCES dispatch (dispatch_id) ON DELETE CASCADE,
    node_id        VARCHAR(64) COLLATE "C" NOT NULL,
    position       INTEGER          NOT NULL,
    kind           VARCHAR(20),
    parent_id      VARCHAR(64),
    delivered_mwh  DOUBLE PRECISION NOT NULL,
    revenue_eur    NUMERIC(14, 2)   NOT NULL,
    imbalance_eur  NUMERIC(14, 2)   NOT NULL,
    PRIMARY KEY (dispatch_id, node_id)
);
CREATE INDEX settlement_node_node ON settlement_node (node_id);
