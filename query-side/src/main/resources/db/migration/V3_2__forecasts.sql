-- Forecasting read models. The projection "forecasts" writes forecast_source, forecast_selection,
-- forecast_candidate and forecast_issued from events (idempotent by aggregate sequence number; rebuildable by
-- replay). forecast_values is written by the application before it records a forecast as issued: it holds the
-- series an event only refers to, so it is kept on reset.

-- One row per source: the model in use and when it last trained and issued.
CREATE TABLE forecast_source (
    source_id        VARCHAR(80) COLLATE "C" PRIMARY KEY,
    kind             VARCHAR(8)   NOT NULL,
    model            VARCHAR(64)  NOT NULL,
    parameter_names  TEXT[]       NOT NULL,
    parameter_values TEXT[]       NOT NULL,
    horizon_steps    INTEGER      NOT NULL,
    last_trained_at  TIMESTAMPTZ  NOT NULL,
    last_issued_at   TIMESTAMPTZ,
    selections       INTEGER      NOT NULL,
    forecasts        INTEGER      NOT NULL,
    version          BIGINT       NOT NULL
);

-- The experiment log: one row per training run of a source ...
CREATE TABLE forecast_selection (
    source_id        VARCHAR(80) COLLATE "C" NOT NULL,
    seq              BIGINT       NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    trained_at       TIMESTAMPTZ  NOT NULL,
    horizon_steps    INTEGER      NOT NULL,
    step_seconds     BIGINT       NOT NULL,
    metric           VARCHAR(8)   NOT NULL,
    model            VARCHAR(64)  NOT NULL,
    parameter_names  TEXT[]       NOT NULL,
    parameter_values TEXT[]       NOT NULL,
    history_start    TIMESTAMPTZ  NOT NULL,
    history_end      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source_id, seq)
);
CREATE INDEX forecast_selection_trained ON forecast_selection (source_id, trained_at DESC);

-- ... and per candidate of that run: its mean CV metrics, or why it was skipped (metrics then null).
CREATE TABLE forecast_candidate (
    source_id        VARCHAR(80) COLLATE "C" NOT NULL,
    seq              BIGINT       NOT NULL,
    ordinal          INTEGER      NOT NULL,
    model            VARCHAR(64)  NOT NULL,
    parameter_names  TEXT[]       NOT NULL,
    parameter_values TEXT[]       NOT NULL,
    mae              DOUBLE PRECISION,
    rmse             DOUBLE PRECISION,
    mase             DOUBLE PRECISION,
    folds            INTEGER,
    skipped_reason   TEXT,
    PRIMARY KEY (source_id, seq, ordinal)
);

-- Forecasts as issued (from ForecastIssued events).
CREATE TABLE forecast_issued (
    forecast_id      VARCHAR(160) COLLATE "C" PRIMARY KEY,
    source_id        VARCHAR(80) COLLATE "C" NOT NULL,
    seq              BIGINT       NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    issued_at        TIMESTAMPTZ  NOT NULL,
    origin           TIMESTAMPTZ  NOT NULL,
    step_seconds     BIGINT       NOT NULL,
    horizon_steps    INTEGER      NOT NULL,
    model            VARCHAR(64)  NOT NULL,
    parameter_names  TEXT[]       NOT NULL,
    parameter_values TEXT[]       NOT NULL
);
CREATE INDEX forecast_issued_source_time ON forecast_issued (source_id, issued_at DESC);

-- Forecast series, keyed by forecast id; value i covers [origin + i * step, origin + (i + 1) * step).
CREATE TABLE forecast_values (
    forecast_id  VARCHAR(160) COLLATE "C" PRIMARY KEY,
    source_id    VARCHAR(80) COLLATE "C" NOT NULL,
    origin       TIMESTAMPTZ      NOT NULL,
    step_seconds BIGINT           NOT NULL,
    vals         DOUBLE PRECISION[] NOT NULL,
    written_at   TIMESTAMPTZ      NOT NULL
);
