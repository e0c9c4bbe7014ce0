-- Every API token issued (the token itself is never stored: it is shown once, to whoever issued it). A token is
-- accepted only while its row exists and is not revoked, so revoking takes effect on the next request.
CREATE TABLE api_token (
    id         UUID PRIMARY KEY,
    subject    TEXT        NOT NULL,
    role       TEXT        NOT NULL,
    asset_ids  TEXT[]      NOT NULL DEFAULT '{}',
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    issued_by  TEXT        NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_by TEXT
);
CREATE INDEX api_token_by_issue ON api_token (issued_at DESC, id DESC);
CREATE INDEX api_token_by_subject ON api_token (subject);
