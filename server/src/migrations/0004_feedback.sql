-- Feedback tickets (反馈工单): a subscriber's enquiry, complaint, suggestion or fault
-- report, its timeline, messages, photos, ratings and quick-rating links. Times are ms
-- since the epoch; enums are their snake_case names (care_contract::feedback).

CREATE TABLE feedback_tickets (
    id               INTEGER PRIMARY KEY,
    subscriber_id    INTEGER NOT NULL REFERENCES subscribers (id),
    kind             TEXT NOT NULL,
    category         TEXT NOT NULL,
    description      TEXT NOT NULL,
    status           TEXT NOT NULL,
    high_risk        INTEGER NOT NULL CHECK (high_risk IN (0, 1)),
    -- Reopened by an unhappy rating; respond_by and resolve_by then count from the reopening.
    follow_up        INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),
    -- The 11 digits (served masked only).
    number_concerned TEXT NOT NULL,
    contact_method   TEXT NOT NULL,
    contact_window   TEXT NOT NULL,
    -- The staff member who accepted it.
    holder_id        INTEGER REFERENCES subscribers (id),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    respond_by       INTEGER NOT NULL,
    resolve_by       INTEGER NOT NULL,
    idempotency_key  TEXT NOT NULL,
    fingerprint      TEXT NOT NULL,
    UNIQUE (subscriber_id, idempotency_key)
);
CREATE INDEX feedback_tickets_by_subscriber ON feedback_tickets (subscriber_id, created_at DESC, id DESC);
CREATE INDEX feedback_tickets_by_status ON feedback_tickets (status);

-- The timeline, oldest first by id.
CREATE TABLE feedback_events (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES feedback_tickets (id),
    kind      TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (actor IN ('customer', 'staff')),
    staff_id  INTEGER REFERENCES subscribers (id),
    note      TEXT,
    at        INTEGER NOT NULL
);
CREATE INDEX feedback_events_by_ticket ON feedback_events (ticket_id, id);

-- Messages: the customer's carry the idempotency key of their request; staff's none.
CREATE TABLE feedback_messages (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES feedback_tickets (id),
    author_id       INTEGER NOT NULL REFERENCES subscribers (id),
    author_role     TEXT NOT NULL CHECK (author_role IN ('customer', 'staff')),
    text            TEXT,
    created_at      INTEGER NOT NULL,
    idempotency_key TEXT,
    fingerprint     TEXT,
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX feedback_messages_by_ticket ON feedback_messages (ticket_id, id);

-- Uploaded photos (JPEG files in the photos folder beside the database), attached to at
-- most one ticket or message.
CREATE TABLE feedback_photos (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES subscribers (id),
    file_name  TEXT NOT NULL UNIQUE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    ticket_id  INTEGER REFERENCES feedback_tickets (id),
    message_id INTEGER REFERENCES feedback_messages (id)
);
CREATE INDEX feedback_photos_by_ticket ON feedback_photos (ticket_id);

CREATE TABLE feedback_ratings (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES feedback_tickets (id),
    source       TEXT NOT NULL CHECK (source IN ('app', 'quick_link')),
    satisfaction INTEGER,
    recommend    INTEGER,
    solved       INTEGER,
    comment      TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('closed', 'follow_up')),
    rated_at     INTEGER NOT NULL
);
CREATE INDEX feedback_ratings_by_ticket ON feedback_ratings (ticket_id, id);

-- Quick-rating links: only the SHA-256 of the token is kept. A token rates its ticket
-- once, while the ticket is resolved and the token is its newest.
CREATE TABLE feedback_rate_tokens (
    token_sha256 TEXT PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES feedback_tickets (id),
    created_at   INTEGER NOT NULL,
    used_at      INTEGER
);
CREATE INDEX feedback_rate_tokens_by_ticket ON feedback_rate_tokens (ticket_id);

-- Demo data is seeded once.
CREATE TABLE feedback_seeded (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seeded_at INTEGER NOT NULL
);
