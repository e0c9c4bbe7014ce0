-- Large inputs and outputs of the bidding cycle (fleet snapshots, device forecasts, schedules per asset), stored
-- once and never changed: events refer to them by content_id and the SHA-256 of the content (uncompressed), so the
-- event store stays lean and an auditor can prove what was used. body is gzip of the content.
CREATE TABLE stored_content (
    content_id   VARCHAR(200) COLLATE "C" PRIMARY KEY,
    sha256       CHAR(64)     NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    body         BYTEA        NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL
);
