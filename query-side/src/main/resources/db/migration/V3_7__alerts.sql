-- Alerts (issue 16): one row per alert (a kind and a subject), showing its latest occurrence. Derived from the
-- Alert aggregates' events; version is the sequence number of the last event applied (replays change nothing).
CREATE TABLE alert (
    alert_id     VARCHAR(140) COLLATE "C" PRIMARY KEY,
    kind         VARCHAR(24)  NOT NULL,
    subject      VARCHAR(110) NOT NULL,
    active       BOOLEAN      NOT NULL,
    raised_at    TIMESTAMPTZ  NOT NULL,
    cleared_at   TIMESTAMPTZ,
    message      VARCHAR(1000) NOT NULL,
    value        DOUBLE PRECISION,
    threshold    DOUBLE PRECISION,
    occurrences  INTEGER      NOT NULL,
    clear_reason VARCHAR(1000),
    version      BIGINT       NOT NULL
);
CREATE INDEX alert_raised ON alert (raised_at DESC, alert_id);
CREATE INDEX alert_active ON alert (active) WHERE active;
