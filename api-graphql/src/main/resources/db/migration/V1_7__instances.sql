-- Application instances sharing this database (issue 16, scale-out): each renews its row every few seconds; an
-- instance whose row is older than the liveness limit is taken as gone (SegmentBalancer).
CREATE TABLE app_instance (
    instance_id VARCHAR(255) PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
