-- Idempotency keys of mutations (issue 18): a client may send a mutation with an Idempotency-Key header; a second
-- request with the same key from the same token subject answers the first request's recorded response instead of
-- running again. The row is written before the mutation runs (response NULL: in progress), so two concurrent
-- duplicates cannot both run; keys are kept for a day.
CREATE TABLE mutation_idempotency (
    subject        TEXT        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_sha256 CHAR(64)    NOT NULL,
    response       TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, idem_key)
);
CREATE INDEX mutation_idempotency_age ON mutation_idempotency (created_at);
