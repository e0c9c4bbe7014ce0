-- Bid read model, written by the tracking projection "bids" from the Bid aggregate's events (idempotent by
-- version = the aggregate sequence number of the last event applied). Rebuildable by replay.

-- One row per bid (= bidding cycle of a zone and delivery day). Each step's columns stay null until it happens.
CREATE TABLE bid (
    bid_id                   VARCHAR(40) COLLATE "C" PRIMARY KEY,
    zone                     VARCHAR(30)  NOT NULL,
    delivery_day             DATE         NOT NULL,
    status                   VARCHAR(24)  NOT NULL,
    outcome                  VARCHAR(24),
    opened_at                TIMESTAMPTZ  NOT NULL,
    gate_closure             TIMESTAMPTZ  NOT NULL,
    delivery_start           TIMESTAMPTZ  NOT NULL,
    delivery_end             TIMESTAMPTZ  NOT NULL,
    slot_seconds             INTEGER      NOT NULL,
    -- inputs (BidInputsFetched), by reference
    inputs_fetched_at        TIMESTAMPTZ,
    fleet_snapshot_id        VARCHAR(200),
    fleet_snapshot_sha256    CHAR(64),
    device_count             INTEGER,
    device_forecasts_id      VARCHAR(200),
    device_forecasts_sha256  CHAR(64),
    price_forecast_id        VARCHAR(160),
    price_forecast_model     TEXT,
    price_forecast_sha256    CHAR(64),
    price_forecast_fallback  BOOLEAN,
    -- schedule (SchedulePrepared)
    schedule_prepared_at     TIMESTAMPTZ,
    schedule_id              VARCHAR(200),
    schedule_sha256          CHAR(64),
    schedule_score           VARCHAR(500),
    expected_revenue_eur     DOUBLE PRECISION,
    gap_to_bound             DOUBLE PRECISION,
    solver                   TEXT,
    solver_time_budget       TEXT,
    solver_seed              BIGINT,
    solver_parameter_names   TEXT[],
    solver_parameter_values  TEXT[],
    -- the last draft, the submission, the market's answer and the end
    pricing_rule             VARCHAR(500),
    drafted_at               TIMESTAMPTZ,
    submitted_at             TIMESTAMPTZ,
    result_received_at       TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    aborted_at               TIMESTAMPTZ,
    abort_reason             VARCHAR(500),
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL
);
-- Listing: newest delivery day first, then by id (the keyset of the bids connection).
CREATE INDEX bid_day_id ON bid (delivery_day DESC, bid_id);
CREATE INDEX bid_status ON bid (status);

-- One row per delivery slot, written on opening; each step fills its columns.
CREATE TABLE bid_slot (
    bid_id                     VARCHAR(40) COLLATE "C" NOT NULL REFERENCES bid (bid_id) ON DELETE CASCADE,
    slot_start                 TIMESTAMPTZ      NOT NULL,
    flexibility_up_mw          DOUBLE PRECISION,
    flexibility_down_mw        DOUBLE PRECISION,
    planned_mw                 DOUBLE PRECISION,
    quantity_mw                DOUBLE PRECISION,
    limit_price_eur_per_mwh    DOUBLE PRECISION,
    cleared_mw                 DOUBLE PRECISION,
    clearing_price_eur_per_mwh DOUBLE PRECISION,
    PRIMARY KEY (bid_id, slot_start)
);

-- The cycle's history: one row per event, refusals included.
CREATE TABLE bid_history (
    bid_id   VARCHAR(40) COLLATE "C" NOT NULL REFERENCES bid (bid_id) ON DELETE CASCADE,
    seq      BIGINT       NOT NULL,
    type     VARCHAR(40)  NOT NULL,
    at       TIMESTAMPTZ  NOT NULL,
    detail   TEXT         NOT NULL,
    PRIMARY KEY (bid_id, seq)
);
