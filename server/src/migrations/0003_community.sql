-- The community: boards, threads, replies (one level nested), votes, polls, reports, the
-- moderation log, and a full-text index of threads.
-- Timestamps are Unix milliseconds. A post's state is one of 'published', 'held' (a
-- forbidden word: awaiting review), 'hidden' (by staff), 'rejected' (held, then refused)
-- and 'deleted' (by its author); rows are never removed, so the log can name them.

CREATE TABLE community_boards (
    id             INTEGER PRIMARY KEY,
    slug           TEXT    NOT NULL UNIQUE,
    name_zh        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    description_zh TEXT    NOT NULL,
    description_en TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('discussion', 'idea_call')),
    position       INTEGER NOT NULL,
    created_at     INTEGER NOT NULL
);

-- `score`, `up_votes` and `down_votes` follow community_votes (kept in the vote's
-- transaction, so lists can sort by them). `matched_words`: the forbidden words that held
-- it, one a line. `idempotency_key` and `fingerprint` make creation exactly-once; demo
-- posts use keys with a ':', which no request's key may contain.
CREATE TABLE community_threads (
    id               INTEGER PRIMARY KEY,
    board_id         INTEGER NOT NULL REFERENCES community_boards (id),
    author_id        INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    title            TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('published', 'held', 'hidden',
                         'rejected', 'deleted')),
    score            INTEGER NOT NULL DEFAULT 0,
    up_votes         INTEGER NOT NULL DEFAULT 0 CHECK (up_votes >= 0),
    down_votes       INTEGER NOT NULL DEFAULT 0 CHECK (down_votes >= 0),
    best_reply_id    INTEGER,
    pinned           INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    locked           INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    moderation_note  TEXT,
    matched_words    TEXT,
    idempotency_key  TEXT    NOT NULL,
    fingerprint      TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    last_activity_at INTEGER NOT NULL,
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX community_threads_by_board ON community_threads (board_id, state, created_at DESC);
CREATE INDEX community_threads_by_author ON community_threads (author_id, created_at DESC);

-- `parent_id`: the reply to the thread this one is nested under (NULL: it answers the
-- thread); `reply_to_id`: the nested reply it answers, if any.
CREATE TABLE community_replies (
    id               INTEGER PRIMARY KEY,
    thread_id        INTEGER NOT NULL REFERENCES community_threads (id) ON DELETE CASCADE,
    parent_id        INTEGER REFERENCES community_replies (id),
    reply_to_id      INTEGER REFERENCES community_replies (id),
    author_id        INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    body             TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('published', 'held', 'hidden',
                         'rejected', 'deleted')),
    score            INTEGER NOT NULL DEFAULT 0,
    up_votes         INTEGER NOT NULL DEFAULT 0 CHECK (up_votes >= 0),
    down_votes       INTEGER NOT NULL DEFAULT 0 CHECK (down_votes >= 0),
    moderation_note  TEXT,
    matched_words    TEXT,
    adopted_points   INTEGER CHECK (adopted_points IS NULL OR adopted_points > 0),
    adopted_at       INTEGER,
    idempotency_key  TEXT    NOT NULL,
    fingerprint      TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX community_replies_by_thread ON community_replies (thread_id, parent_id, created_at, id);
CREATE INDEX community_replies_by_parent ON community_replies (parent_id, created_at, id);
CREATE INDEX community_replies_by_author ON community_replies (author_id, created_at DESC);
CREATE INDEX community_replies_held ON community_replies (state) WHERE state = 'held';

-- One vote per member per post.
CREATE TABLE community_votes (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    post_kind     TEXT    NOT NULL CHECK (post_kind IN ('thread', 'reply')),
    post_id       INTEGER NOT NULL,
    value         INTEGER NOT NULL CHECK (value IN (-1, 1)),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (subscriber_id, post_kind, post_id)
) WITHOUT ROWID;

CREATE TABLE community_polls (
    thread_id INTEGER PRIMARY KEY REFERENCES community_threads (id) ON DELETE CASCADE,
    closes_at INTEGER NOT NULL
);

CREATE TABLE community_poll_options (
    id        INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES community_polls (thread_id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    label     TEXT    NOT NULL,
    UNIQUE (thread_id, position)
);

-- One vote per member per poll.
CREATE TABLE community_poll_votes (
    thread_id     INTEGER NOT NULL REFERENCES community_polls (thread_id) ON DELETE CASCADE,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    option_id     INTEGER NOT NULL REFERENCES community_poll_options (id),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (thread_id, subscriber_id)
) WITHOUT ROWID;
CREATE INDEX community_poll_votes_by_option ON community_poll_votes (option_id);

-- One report per member per post; `resolved_at` is set when staff act on the post.
CREATE TABLE community_reports (
    id          INTEGER PRIMARY KEY,
    reporter_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    post_kind   TEXT    NOT NULL CHECK (post_kind IN ('thread', 'reply')),
    post_id     INTEGER NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('spam', 'abuse', 'privacy',
                    'misinformation', 'off_topic', 'other')),
    detail      TEXT,
    created_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    UNIQUE (reporter_id, post_kind, post_id)
);
CREATE INDEX community_reports_open ON community_reports (post_kind, post_id)
    WHERE resolved_at IS NULL;

-- Every moderation action; `actor_id` is NULL when the backend acted (a post held).
CREATE TABLE community_moderation_log (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER REFERENCES subscribers (id) ON DELETE SET NULL,
    action     TEXT    NOT NULL CHECK (action IN ('held', 'approved', 'rejected', 'hidden',
                   'restored', 'locked', 'unlocked', 'pinned', 'unpinned', 'dismissed',
                   'adopted', 'best_answer', 'deleted')),
    post_kind  TEXT    NOT NULL CHECK (post_kind IN ('thread', 'reply')),
    post_id    INTEGER NOT NULL,
    thread_id  INTEGER NOT NULL,
    note       TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX community_moderation_log_by_time ON community_moderation_log (created_at DESC, id DESC);

-- Full-text search of titles and bodies. The trigram tokenizer indexes every three
-- characters, so any substring of three or more matches, Chinese included (which has no
-- spaces between words); shorter words are found with LIKE on the threads. The index
-- holds no copy of the text (content=): the triggers keep it in step.
CREATE VIRTUAL TABLE community_threads_fts USING fts5 (
    title, body, content = 'community_threads', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER community_threads_fts_insert AFTER INSERT ON community_threads BEGIN
    INSERT INTO community_threads_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER community_threads_fts_delete AFTER DELETE ON community_threads BEGIN
    INSERT INTO community_threads_fts (community_threads_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER community_threads_fts_update AFTER UPDATE OF title, body ON community_threads BEGIN
    INSERT INTO community_threads_fts (community_threads_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO community_threads_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Set once the demo threads are in (so a later start adds nothing).
CREATE TABLE community_seeded (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seeded_at INTEGER NOT NULL
);
