-- Subscribers, their family contacts, sign-in codes, rate-limit log and sessions.
-- Timestamps are Unix milliseconds; dates are 'YYYY-MM-DD' text.

CREATE TABLE subscribers (
    id          INTEGER PRIMARY KEY,
    phone       TEXT    NOT NULL UNIQUE,
    nickname    TEXT    NOT NULL,
    joined_on   TEXT    NOT NULL,
    birthday    TEXT,
    star_level  INTEGER NOT NULL DEFAULT 1 CHECK (star_level BETWEEN 1 AND 7),
    is_staff    INTEGER NOT NULL DEFAULT 0 CHECK (is_staff IN (0, 1)),
    created_at  INTEGER NOT NULL
);

CREATE TABLE family_contacts (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    phone         TEXT    NOT NULL,
    UNIQUE (subscriber_id, phone)
);

-- Only a hash of each code is stored.
CREATE TABLE login_codes (
    id         INTEGER PRIMARY KEY,
    phone      TEXT    NOT NULL,
    code_hash  TEXT    NOT NULL,
    issued_at  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    used       INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
);
CREATE INDEX login_codes_by_phone ON login_codes (phone, id);

-- Every issued code, for the per-phone and per-client rate limits (rolling hour).
CREATE TABLE code_requests (
    id           INTEGER PRIMARY KEY,
    phone        TEXT    NOT NULL,
    client_ip    TEXT    NOT NULL,
    requested_at INTEGER NOT NULL
);
CREATE INDEX code_requests_by_phone ON code_requests (phone, requested_at);
CREATE INDEX code_requests_by_ip ON code_requests (client_ip, requested_at);

-- Only the SHA-256 of each session token is stored.
CREATE TABLE sessions (
    token_hash    TEXT    PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_subscriber ON sessions (subscriber_id);
