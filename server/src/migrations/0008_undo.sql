-- Undo for ten minutes (contract `undo`): when a ticket was withdrawn and the status it had
-- before, so its subscriber may put it back; when a thread or reply was deleted by its
-- author and the state it had before, so they may restore it. NULL before it happened
-- (and for withdrawals and deletions from before this migration: too old to undo).

ALTER TABLE feedback_tickets ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE feedback_tickets ADD COLUMN status_before_withdrawal TEXT;

ALTER TABLE community_threads ADD COLUMN deleted_at INTEGER;
ALTER TABLE community_threads ADD COLUMN state_before_deletion TEXT;

ALTER TABLE community_replies ADD COLUMN deleted_at INTEGER;
ALTER TABLE community_replies ADD COLUMN state_before_deletion TEXT;

-- The moderation log records the author's undo (`deletion_undone`): its CHECK lists the
-- actions, and SQLite changes a CHECK only by building the table again.
CREATE TABLE community_moderation_log_new (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER REFERENCES subscribers (id) ON DELETE SET NULL,
    action     TEXT    NOT NULL CHECK (action IN ('held', 'approved', 'rejected', 'hidden',
                   'restored', 'locked', 'unlocked', 'pinned', 'unpinned', 'dismissed',
                   'adopted', 'best_answer', 'deleted', 'deletion_undone')),
    post_kind  TEXT    NOT NULL CHECK (post_kind IN ('thread', 'reply')),
    post_id    INTEGER NOT NULL,
    thread_id  INTEGER NOT NULL,
    note       TEXT,
    created_at INTEGER NOT NULL
);
INSERT INTO community_moderation_log_new
    (id, actor_id, action, post_kind, post_id, thread_id, note, created_at)
    SELECT id, actor_id, action, post_kind, post_id, thread_id, note, created_at
    FROM community_moderation_log;
DROP TABLE community_moderation_log;
ALTER TABLE community_moderation_log_new RENAME TO community_moderation_log;
CREATE INDEX community_moderation_log_by_time ON community_moderation_log (created_at DESC, id DESC);
