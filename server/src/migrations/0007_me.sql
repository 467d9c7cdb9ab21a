-- "Me": the value score behind star levels, exactly-once family contacts, callback
-- requests and deletion requests. Timestamps are Unix milliseconds; dates 'YYYY-MM-DD'.

-- The LTV score 0-100 (care_contract::me::tier); a new subscriber starts at
-- NEW_SUBSCRIBER_SCORE (40, star level 1) until the quarterly recomputation.
ALTER TABLE subscribers ADD COLUMN value_score INTEGER NOT NULL DEFAULT 40
    CHECK (value_score BETWEEN 0 AND 100);

-- Contacts added through the API remember their request (exactly once); seeded ones have
-- none.
ALTER TABLE family_contacts ADD COLUMN idempotency_key TEXT;
ALTER TABLE family_contacts ADD COLUMN fingerprint TEXT;
CREATE UNIQUE INDEX family_contacts_by_key ON family_contacts (subscriber_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE callback_requests (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    day             TEXT    NOT NULL,
    contact_window  TEXT    NOT NULL,
    -- Digits only: a mobile number or a fixed line with its area code.
    phone           TEXT    NOT NULL,
    note            TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('requested', 'called', 'cancelled')),
    created_at      INTEGER NOT NULL,
    closed_at       INTEGER,
    -- The staff member who called.
    closed_by       INTEGER REFERENCES subscribers (id),
    idempotency_key TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    CHECK ((status = 'requested') = (closed_at IS NULL)),
    UNIQUE (subscriber_id, idempotency_key)
);
-- One open request per subscriber, whatever races the checks.
CREATE UNIQUE INDEX callback_requests_one_open ON callback_requests (subscriber_id)
    WHERE status = 'requested';
CREATE INDEX callback_requests_by_status ON callback_requests (status, day);

CREATE TABLE deletion_requests (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    requested_at  INTEGER NOT NULL,
    withdrawn_at  INTEGER
);
-- One pending request per subscriber.
CREATE UNIQUE INDEX deletion_requests_one_pending ON deletion_requests (subscriber_id)
    WHERE withdrawn_at IS NULL;
