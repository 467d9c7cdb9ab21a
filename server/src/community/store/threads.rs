//! Threads: lists, one thread in full, the thread screen, starting, editing and deleting a
//! thread (and undoing that), and choosing its best answer.

use care_contract::community::{
    excerpt, ModerationAction, PostDeleted, PostKind, PostRef, PostState, ThreadCreated,
    ThreadDetail, ThreadSort, ThreadSummary, ThreadView, Vote,
};
use care_contract::ErrorCode;
use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};

use super::posts::{
    after_undo_delete, author, deleted, deletion, editable_until, own_editable, reply_facts,
    seen_thread, sight, thread_actions, Sight, ThreadFacts, AUTHOR_COLUMNS, LISTED_THREAD,
};
use super::{boards, limits, moderation, offset, parse, polls, replies, state, words_text, Ctx};
use crate::idempotency::KeyedTable;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// Everything a thread's summary and detail need, joined as `t` (threads), `b` (boards)
/// and `s` (its author), with `:viewer` for their vote.
pub(super) const THREAD_COLUMNS: &str = "t.id, t.board_id, b.kind, t.author_id, t.state, t.locked,
        t.pinned, t.best_reply_id, t.created_at, t.title,
        t.body, t.score, t.up_votes, t.down_votes, t.moderation_note, t.edited_at,
        t.last_activity_at,
        (SELECT count(*) FROM community_replies r WHERE r.thread_id = t.id AND r.state = 'published'),
        EXISTS (SELECT 1 FROM community_polls p WHERE p.thread_id = t.id),
        (SELECT v.value FROM community_votes v
            WHERE v.subscriber_id IS :viewer AND v.post_kind = 'thread' AND v.post_id = t.id)";

pub(super) const THREAD_FROM: &str = "FROM community_threads t
    JOIN community_boards b ON b.id = t.board_id
    JOIN subscribers s ON s.id = t.author_id";

/// A thread row, read by [`THREAD_COLUMNS`] and [`AUTHOR_COLUMNS`].
pub(super) struct ThreadRow {
    pub facts: ThreadFacts,
    body: String,
    author: care_contract::community::Author,
    score: i64,
    up_votes: i64,
    down_votes: i64,
    moderation_note: Option<String>,
    edited_at: Option<i64>,
    last_activity_at: i64,
    reply_count: i64,
    has_poll: bool,
    my_vote: Option<Vote>,
}

/// A stored vote (+1 / -1) as the contract's.
pub(super) fn vote_of(value: Option<i64>) -> Option<Vote> {
    match value {
        Some(1) => Some(Vote::Up),
        Some(-1) => Some(Vote::Down),
        _ => None,
    }
}

pub(super) fn thread_row(r: &Row<'_>, ctx: &Ctx<'_>) -> rusqlite::Result<ThreadRow> {
    Ok(ThreadRow {
        facts: ThreadFacts {
            id: r.get(0)?,
            board_id: r.get(1)?,
            board_kind: parse(2, &r.get::<_, String>(2)?)?,
            author_id: r.get(3)?,
            state: state(4, &r.get::<_, String>(4)?)?,
            locked: r.get(5)?,
            pinned: r.get(6)?,
            best_reply_id: r.get(7)?,
            created_at: r.get(8)?,
            title: r.get(9)?,
        },
        body: r.get(10)?,
        score: r.get(11)?,
        up_votes: r.get(12)?,
        down_votes: r.get(13)?,
        moderation_note: r.get(14)?,
        edited_at: r.get(15)?,
        last_activity_at: r.get(16)?,
        reply_count: r.get(17)?,
        has_poll: r.get(18)?,
        my_vote: vote_of(r.get(19)?),
        author: author(r, 20, ctx.mall)?,
    })
}

impl ThreadRow {
    pub(super) fn summary(self) -> ThreadSummary {
        let f = self.facts;
        ThreadSummary {
            id: f.id,
            board_id: f.board_id,
            excerpt: excerpt(&self.body),
            title: f.title,
            author: self.author,
            state: f.state,
            created_at: from_ms(f.created_at),
            edited_at: self.edited_at.map(from_ms),
            last_activity_at: from_ms(self.last_activity_at),
            score: self.score,
            my_vote: self.my_vote,
            reply_count: self.reply_count as u64,
            solved: f.best_reply_id.is_some(),
            pinned: f.pinned,
            locked: f.locked,
            has_poll: self.has_poll,
        }
    }

    fn detail(self, ctx: &Ctx<'_>) -> ThreadDetail {
        let f = &self.facts;
        let can = thread_actions(f, ctx);
        let privileged = ctx.viewer.is(f.author_id) || ctx.viewer.is_staff;
        let own = ctx.viewer.is(f.author_id);
        ThreadDetail {
            id: f.id,
            board_id: f.board_id,
            title: f.title.clone(),
            body: self.body,
            author: self.author,
            state: f.state,
            created_at: from_ms(f.created_at),
            edited_at: self.edited_at.map(from_ms),
            last_activity_at: from_ms(self.last_activity_at),
            score: self.score,
            up_votes: self.up_votes as u64,
            down_votes: self.down_votes as u64,
            my_vote: self.my_vote,
            reply_count: self.reply_count as u64,
            best_reply_id: f.best_reply_id,
            pinned: f.pinned,
            locked: f.locked,
            has_poll: self.has_poll,
            moderation_note: self.moderation_note.filter(|_| privileged),
            editable_until: own.then(|| from_ms(editable_until(f.created_at, ctx))),
            can,
        }
    }
}

fn row_by_id(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> rusqlite::Result<Option<ThreadRow>> {
    conn.query_row(
        &format!("SELECT {THREAD_COLUMNS}, {AUTHOR_COLUMNS} {THREAD_FROM} WHERE t.id = :id"),
        named_params! { ":viewer": ctx.viewer.id, ":id": id },
        |r| thread_row(r, ctx),
    )
    .optional()
}

/// A thread in full as the viewer may see it (`not_found` otherwise).
pub fn detail(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<ThreadDetail, StoreError> {
    let row = row_by_id(conn, ctx, id)?
        .filter(|t| {
            sight(
                PostKind::Thread,
                t.facts.state,
                t.facts.author_id,
                &ctx.viewer,
            ) != Sight::Unseen
        })
        .ok_or_else(StoreError::not_found)?;
    Ok(row.detail(ctx))
}

/// Which threads a list shows.
#[derive(Clone, Copy, Debug)]
pub struct ThreadFilter {
    pub board_id: Option<i64>,
    pub sort: ThreadSort,
    /// Only the viewer's own (any state but deleted).
    pub mine: bool,
    pub page: u32,
    pub per_page: u32,
}

/// The ORDER BY of a list: a board's pinned threads first, then the sort, newest first on
/// ties.
pub fn order_by(sort: ThreadSort, pinned_first: bool) -> String {
    let sort = match sort {
        ThreadSort::Hot => "hot_rank(t.score, t.created_at, :now) DESC, t.created_at DESC",
        ThreadSort::New => "t.created_at DESC",
        ThreadSort::Top => "t.score DESC, t.created_at DESC",
    };
    let pinned = if pinned_first { "t.pinned DESC, " } else { "" };
    format!("{pinned}{sort}, t.id DESC")
}

/// A page of threads and the count of all the filter matches (`not_found` for a board
/// that does not exist).
pub fn list(
    conn: &Connection,
    ctx: &Ctx<'_>,
    filter: &ThreadFilter,
) -> Result<(Vec<ThreadSummary>, u64), StoreError> {
    let shown = if filter.mine {
        "t.author_id IS :viewer AND t.state != 'deleted'"
    } else {
        LISTED_THREAD
    };
    let condition = format!("(:board IS NULL OR t.board_id = :board) AND {shown}");
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM community_threads t WHERE {condition}"),
        named_params! { ":viewer": ctx.viewer.id, ":board": filter.board_id },
        |r| r.get(0),
    )?;
    let order = order_by(filter.sort, filter.board_id.is_some());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {THREAD_COLUMNS}, {AUTHOR_COLUMNS} {THREAD_FROM}
         WHERE {condition} ORDER BY {order} LIMIT :limit OFFSET :offset"
    ))?;
    let named: &[(&str, &dyn ToSql)] = &[
        (":viewer", &ctx.viewer.id),
        (":board", &filter.board_id),
        (":now", &ctx.now_ms),
        (":limit", &filter.per_page),
        (":offset", &offset(filter.page, filter.per_page)),
    ];
    // `:now` is only in the hot order; SQLite refuses a name the statement lacks.
    let named: Vec<(&str, &dyn ToSql)> = named
        .iter()
        .copied()
        .filter(|(name, _)| stmt.parameter_index(name).ok().flatten().is_some())
        .collect();
    let threads = stmt
        .query_map(named.as_slice(), |r| {
            thread_row(r, ctx).map(ThreadRow::summary)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((threads, total as u64))
}

/// The thread screen: the thread, its board, poll, best answer and a page of replies.
pub fn view(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    page: u32,
    per_page: u32,
) -> Result<ThreadView, StoreError> {
    let thread = detail(conn, ctx, id)?;
    let facts = seen_thread(conn, ctx, id)?;
    let board = boards::board(conn, ctx, facts.board_id)?
        .ok_or(StoreError::Broken("a thread's board is gone"))?;
    let poll = polls::poll(conn, ctx, &facts)?;
    let best_answer = match facts.best_reply_id {
        Some(best) => replies::reply_in(conn, ctx, &facts, best)?.filter(|r| r.body.is_some()),
        None => None,
    };
    let (replies, total) = replies::top_level_page(conn, ctx, &facts, page, per_page)?;
    Ok(ThreadView {
        thread,
        board,
        poll,
        best_answer,
        replies,
        page,
        per_page,
        total,
        now: from_ms(ctx.now_ms),
    })
}

/// A checked new thread.
#[derive(Clone, Debug)]
pub struct NewThread {
    pub board_id: i64,
    pub title: String,
    pub body: String,
    /// Options (checked one by one) and the closing day.
    pub poll: Option<(Vec<String>, NaiveDate)>,
    pub key: String,
    /// What makes two requests with one key "the same request".
    pub fingerprint: String,
}

const THREADS: KeyedTable = KeyedTable {
    table: "community_threads",
    owner_column: "author_id",
};

/// Starts a thread exactly once per key: a replay answers the thread as it is now; then
/// the board (and who may start threads there), the rate limit, the poll, and the
/// forbidden words, which hold it for review.
pub fn create(
    conn: &Connection,
    ctx: &Ctx<'_>,
    new: &NewThread,
) -> Result<ThreadCreated, StoreError> {
    let member = ctx.viewer.member()?;
    if let Some(id) = THREADS.earlier(conn, member, &new.key, &new.fingerprint)? {
        return Ok(ThreadCreated {
            thread: detail(conn, ctx, id)?,
            replayed: true,
        });
    }
    let board = boards::board(conn, ctx, new.board_id)?.ok_or_else(StoreError::not_found)?;
    if !boards::may_start_thread(board.kind, ctx) {
        return Err(StoreError::refused(
            ErrorCode::Forbidden,
            "only staff start threads in an idea-call board; members reply with suggestions",
        ));
    }
    limits::check_thread_rate(conn, ctx)?;
    let poll = match &new.poll {
        Some((options, closes_on)) => Some((
            polls::distinct_options(options)?,
            polls::closes_at(*closes_on, ctx.now_ms)?,
        )),
        None => None,
    };
    let mut texts = vec![new.title.as_str(), new.body.as_str()];
    if let Some((options, _)) = &new.poll {
        texts.extend(options.iter().map(String::as_str));
    }
    let matched = ctx.cfg.matched_words(&texts);
    let state = if matched.is_empty() {
        PostState::Published
    } else {
        PostState::Held
    };
    conn.execute(
        "INSERT INTO community_threads (board_id, author_id, title, body, state, matched_words,
             idempotency_key, fingerprint, created_at, last_activity_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            new.board_id,
            member,
            new.title,
            new.body,
            state.as_str(),
            words_text(&matched),
            new.key,
            new.fingerprint,
            ctx.now_ms
        ],
    )?;
    let id = conn.last_insert_rowid();
    if let Some((options, closes_at)) = &poll {
        polls::insert(conn, id, options, *closes_at)?;
    }
    if !matched.is_empty() {
        moderation::log_held(
            conn,
            PostRef {
                kind: PostKind::Thread,
                id,
            },
            id,
            &matched,
            ctx,
        )?;
    }
    Ok(ThreadCreated {
        thread: detail(conn, ctx, id)?,
        replayed: false,
    })
}

/// The author's edit: title and body replaced, "edited" from now on. A forbidden word
/// holds a published thread for review again.
pub fn edit(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    title: &str,
    body: &str,
) -> Result<ThreadDetail, StoreError> {
    let t = seen_thread(conn, ctx, id)?;
    own_editable(t.author_id, t.state, t.created_at, ctx)?;
    let matched = ctx.cfg.matched_words(&[title, body]);
    let held = !matched.is_empty();
    conn.execute(
        "UPDATE community_threads SET title = ?2, body = ?3, edited_at = ?4,
             state = CASE WHEN ?5 THEN 'held' ELSE state END,
             matched_words = coalesce(?6, matched_words)
         WHERE id = ?1",
        params![id, title, body, ctx.now_ms, held, words_text(&matched)],
    )?;
    if held && t.state == PostState::Published {
        moderation::log_held(
            conn,
            PostRef {
                kind: PostKind::Thread,
                id,
            },
            id,
            &matched,
            ctx,
        )?;
    }
    detail(conn, ctx, id)
}

/// The author deletes their thread (within the edit window): it is gone for everyone.
pub fn delete(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<PostDeleted, StoreError> {
    let t = seen_thread(conn, ctx, id)?;
    own_editable(t.author_id, t.state, t.created_at, ctx)?;
    conn.execute(
        "UPDATE community_threads
         SET state = 'deleted', deleted_at = ?2, state_before_deletion = ?3
         WHERE id = ?1",
        params![id, ctx.now_ms, t.state.as_str()],
    )?;
    let post = PostRef {
        kind: PostKind::Thread,
        id,
    };
    moderation::log(
        conn,
        ctx.viewer.id,
        ModerationAction::Deleted,
        post,
        id,
        None,
        ctx.now_ms,
    )?;
    Ok(deleted(post, ctx.now_ms))
}

/// The author undoes their deletion within `UNDO_WINDOW_MINUTES`: the thread is back in the
/// state it had (published: for everyone again), and the moderation log says so.
pub fn restore(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<ThreadDetail, StoreError> {
    ctx.viewer.member()?;
    let (d, _) = deletion(conn, PostKind::Thread, id)?;
    let back = after_undo_delete(&d, ctx)?;
    conn.execute(
        "UPDATE community_threads
         SET state = ?2, deleted_at = NULL, state_before_deletion = NULL
         WHERE id = ?1",
        params![id, back.as_str()],
    )?;
    let post = PostRef {
        kind: PostKind::Thread,
        id,
    };
    moderation::log(
        conn,
        ctx.viewer.id,
        ModerationAction::DeletionUndone,
        post,
        id,
        None,
        ctx.now_ms,
    )?;
    detail(conn, ctx, id)
}

/// The asker (or staff) chooses the accepted answer, or clears it (`None`).
pub fn best_answer(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    reply_id: Option<i64>,
) -> Result<ThreadDetail, StoreError> {
    ctx.viewer.member()?;
    let t = seen_thread(conn, ctx, id)?;
    let asker = ctx.viewer.is(t.author_id);
    if !asker && !ctx.viewer.is_staff {
        return Err(StoreError::refused(
            ErrorCode::Forbidden,
            "only the asker or staff choose the best answer",
        ));
    }
    if t.state != PostState::Published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published thread has a best answer",
        ));
    }
    let mut answerer = None;
    if let Some(rid) = reply_id {
        let reply = reply_facts(conn, rid)?
            .filter(|r| r.thread_id == id)
            .filter(|r| sight(PostKind::Reply, r.state, r.author_id, &ctx.viewer) != Sight::Unseen)
            .ok_or_else(StoreError::not_found)?;
        if reply.state != PostState::Published {
            return Err(StoreError::refused(
                ErrorCode::InvalidStatus,
                "only a published reply can be the best answer",
            ));
        }
        answerer = Some((rid, reply.author_id));
    }
    conn.execute(
        "UPDATE community_threads SET best_reply_id = ?2 WHERE id = ?1",
        params![id, reply_id],
    )?;
    if let Some((rid, author)) = answerer {
        crate::care::store::notices::answer_accepted(conn, id, rid, author, ctx.now_ms)?;
    }
    if !asker {
        let note = match reply_id {
            Some(rid) => format!("reply {rid}"),
            None => "cleared".to_owned(),
        };
        let post = PostRef {
            kind: PostKind::Thread,
            id,
        };
        moderation::log(
            conn,
            ctx.viewer.id,
            ModerationAction::BestAnswer,
            post,
            id,
            Some(&note),
            ctx.now_ms,
        )?;
    }
    detail(conn, ctx, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boards_pinned_threads_come_first_and_ties_go_newest_first() {
        assert_eq!(
            order_by(ThreadSort::New, true),
            "t.pinned DESC, t.created_at DESC, t.id DESC"
        );
        assert_eq!(
            order_by(ThreadSort::Top, false),
            "t.score DESC, t.created_at DESC, t.id DESC"
        );
        assert!(order_by(ThreadSort::Hot, false)
            .starts_with("hot_rank(t.score, t.created_at, :now) DESC"));
    }
}
