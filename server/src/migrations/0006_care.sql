-- Care: the inbox (moments and the app's notices, delivered once per subscriber and key)
-- and each subscriber's preferences per topic. Timestamps are Unix milliseconds.

-- `params` is the kind's parameters as JSON (the app words the message); `moment_key`
-- makes delivery idempotent ('birthday:2026', 'reply:41'). A gift is `gift_points`
-- claimable until `gift_claim_by`; its claim writes `gift_claimed_at` and the ledger entry.
CREATE TABLE care_messages (
    id               INTEGER PRIMARY KEY,
    subscriber_id    INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    topic            TEXT    NOT NULL CHECK (topic IN ('care', 'offers', 'community', 'service')),
    kind             TEXT    NOT NULL,
    params           TEXT    NOT NULL DEFAULT '{}',
    link             TEXT,
    moment_key       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    read_at          INTEGER,
    gift_points      INTEGER CHECK (gift_points IS NULL OR gift_points > 0),
    gift_claim_by    INTEGER,
    gift_claimed_at  INTEGER,
    gift_ledger_id   INTEGER REFERENCES point_ledger (id),
    -- A gift always has its claim window; only a gift is claimed.
    CHECK ((gift_points IS NULL) = (gift_claim_by IS NULL)),
    CHECK (gift_claimed_at IS NULL OR gift_points IS NOT NULL),
    UNIQUE (subscriber_id, moment_key)
);
CREATE INDEX care_messages_by_subscriber ON care_messages (subscriber_id, created_at DESC, id DESC);
CREATE INDEX care_messages_by_topic ON care_messages (subscriber_id, topic, created_at);
CREATE INDEX care_messages_unread ON care_messages (subscriber_id) WHERE read_at IS NULL;

-- Only topics the subscriber changed have a row; the others follow the contract's defaults.
CREATE TABLE care_preferences (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    topic         TEXT    NOT NULL CHECK (topic IN ('care', 'offers', 'community', 'service')),
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    max_per_week  INTEGER NOT NULL CHECK (max_per_week >= 1),
    PRIMARY KEY (subscriber_id, topic)
) WITHOUT ROWID;

-- Demo data written once (like the other capabilities' seeded markers).
CREATE TABLE care_seeded (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seeded_at INTEGER NOT NULL
);
