//! Reports, the moderation queue, staff actions on posts and the moderation log. Every
//! staff action, every post held by a forbidden word and every deletion by an author is
//! logged.

use care_contract::community::{
    ModeratedPost, ModerationAction, ModerationLogEntry, ModerationQueue, PostKind, PostRef,
    PostState, QueueFilter, QueueItem, ReasonCount, ReplyModAction, ReportReason, ReportReceipt,
    ThreadModAction, HELD_WORDS_SEPARATOR,
};
use care_contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};

use super::posts::{author, seen_reply, seen_thread, thread_facts, AUTHOR_COLUMNS};
use super::replies::{clear_best, touch};
use super::{offset, parse, state, words_list, Ctx};
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// Writes a log entry; returns its id.
pub fn log(
    conn: &Connection,
    actor: Option<i64>,
    action: ModerationAction,
    post: PostRef,
    thread_id: i64,
    note: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO community_moderation_log (actor_id, action, post_kind, post_id, thread_id,
             note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            actor,
            action.as_str(),
            post.kind.as_str(),
            post.id,
            thread_id,
            note,
            now_ms
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The backend held a post for these forbidden words.
pub fn log_held(
    conn: &Connection,
    post: PostRef,
    thread_id: i64,
    words: &[String],
    ctx: &Ctx<'_>,
) -> rusqlite::Result<i64> {
    let note = words.join(HELD_WORDS_SEPARATOR);
    log(
        conn,
        None,
        ModerationAction::Held,
        post,
        thread_id,
        Some(&note),
        ctx.now_ms,
    )
}

const LOG_SELECT: &str = "SELECT l.id, l.created_at, l.action, l.post_kind, l.post_id, l.thread_id,
        l.note, l.actor_id, s.id, s.nickname, s.phone, s.star_level, s.is_staff
    FROM community_moderation_log l LEFT JOIN subscribers s ON s.id = l.actor_id";

fn log_row(r: &rusqlite::Row<'_>, ctx: &Ctx<'_>) -> rusqlite::Result<ModerationLogEntry> {
    let actor: Option<i64> = r.get(7)?;
    Ok(ModerationLogEntry {
        id: r.get(0)?,
        at: from_ms(r.get(1)?),
        action: parse(2, &r.get::<_, String>(2)?)?,
        post: PostRef {
            kind: parse(3, &r.get::<_, String>(3)?)?,
            id: r.get(4)?,
        },
        thread_id: r.get(5)?,
        note: r.get(6)?,
        actor: match actor {
            Some(_) => Some(author(r, 8, ctx.mall)?),
            None => None,
        },
    })
}

pub fn log_entry(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
) -> Result<ModerationLogEntry, StoreError> {
    conn.query_row(&format!("{LOG_SELECT} WHERE l.id = ?1"), [id], |r| {
        log_row(r, ctx)
    })
    .optional()?
    .ok_or(StoreError::Broken("a log entry just written is gone"))
}

/// Staff: a page of the log, newest first, and its length.
pub fn log_page(
    conn: &Connection,
    ctx: &Ctx<'_>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<ModerationLogEntry>, u64), StoreError> {
    ctx.staff()?;
    let total: i64 = conn.query_row("SELECT count(*) FROM community_moderation_log", [], |r| {
        r.get(0)
    })?;
    let mut stmt = conn.prepare_cached(&format!(
        "{LOG_SELECT} ORDER BY l.created_at DESC, l.id DESC LIMIT ?1 OFFSET ?2"
    ))?;
    let entries = stmt
        .query_map(params![per_page, offset(page, per_page)], |r| {
            log_row(r, ctx)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((entries, total as u64))
}

/// A member reports a published post of someone else's, once: reporting it again answers
/// the first report.
pub fn report(
    conn: &Connection,
    ctx: &Ctx<'_>,
    post: PostRef,
    reason: ReportReason,
    detail: Option<&str>,
) -> Result<ReportReceipt, StoreError> {
    let member = ctx.viewer.member()?;
    let (author_id, published) = match post.kind {
        PostKind::Thread => {
            let t = seen_thread(conn, ctx, post.id)?;
            (t.author_id, t.state == PostState::Published)
        }
        PostKind::Reply => {
            let (r, t) = seen_reply(conn, ctx, post.id)?;
            (
                r.author_id,
                r.state == PostState::Published && t.state == PostState::Published,
            )
        }
    };
    if !published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published post can be reported",
        ));
    }
    if author_id == member {
        return Err(StoreError::refused(
            ErrorCode::OwnPost,
            "members do not report their own posts",
        ));
    }
    let earlier: Option<(i64, String, i64)> = conn
        .query_row(
            "SELECT id, reason, created_at FROM community_reports
             WHERE reporter_id = ?1 AND post_kind = ?2 AND post_id = ?3",
            params![member, post.kind.as_str(), post.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((id, reason, at)) = earlier {
        return Ok(ReportReceipt {
            id,
            post,
            reason: parse(1, &reason)?,
            created_at: from_ms(at),
            already_reported: true,
        });
    }
    conn.execute(
        "INSERT INTO community_reports (reporter_id, post_kind, post_id, reason, detail, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            member,
            post.kind.as_str(),
            post.id,
            reason.as_str(),
            detail,
            ctx.now_ms
        ],
    )?;
    Ok(ReportReceipt {
        id: conn.last_insert_rowid(),
        post,
        reason,
        created_at: from_ms(ctx.now_ms),
        already_reported: false,
    })
}

fn open_reports(conn: &Connection, post: PostRef) -> rusqlite::Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM community_reports
         WHERE post_kind = ?1 AND post_id = ?2 AND resolved_at IS NULL",
        params![post.kind.as_str(), post.id],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

fn resolve_reports(conn: &Connection, post: PostRef, now_ms: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE community_reports SET resolved_at = ?3
         WHERE post_kind = ?1 AND post_id = ?2 AND resolved_at IS NULL",
        params![post.kind.as_str(), post.id, now_ms],
    )
}

/// Posts that may wait for staff: held ones and reported ones (any state; deleted ones
/// are dropped when read).
fn candidates(conn: &Connection) -> rusqlite::Result<Vec<PostRef>> {
    let mut stmt = conn.prepare_cached(
        "SELECT 'thread', id FROM community_threads WHERE state = 'held'
         UNION SELECT 'reply', id FROM community_replies WHERE state = 'held'
         UNION SELECT post_kind, post_id FROM community_reports WHERE resolved_at IS NULL",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(PostRef {
                kind: parse(0, &r.get::<_, String>(0)?)?,
                id: r.get(1)?,
            })
        })?
        .collect();
    rows
}

/// A queue item for a post, `None` when it does not wait (deleted, or neither held nor
/// reported).
fn queue_item(
    conn: &Connection,
    ctx: &Ctx<'_>,
    post: PostRef,
) -> Result<Option<QueueItem>, StoreError> {
    let sql = match post.kind {
        PostKind::Thread => format!(
            "SELECT t.id, t.title, t.board_id, t.title, t.body, t.state, t.created_at, t.edited_at,
                 t.matched_words, {AUTHOR_COLUMNS}
             FROM community_threads t JOIN subscribers s ON s.id = t.author_id WHERE t.id = ?1"
        ),
        PostKind::Reply => format!(
            "SELECT t.id, t.title, t.board_id, NULL, r.body, r.state, r.created_at, r.edited_at,
                 r.matched_words, {AUTHOR_COLUMNS}
             FROM community_replies r JOIN community_threads t ON t.id = r.thread_id
                 JOIN subscribers s ON s.id = r.author_id
             WHERE r.id = ?1"
        ),
    };
    let found = conn
        .query_row(&sql, [post.id], |r| {
            Ok(QueueItem {
                post,
                thread_id: r.get(0)?,
                thread_title: r.get(1)?,
                board_id: r.get(2)?,
                title: r.get(3)?,
                body: r.get(4)?,
                state: state(5, &r.get::<_, String>(5)?)?,
                created_at: from_ms(r.get(6)?),
                edited_at: r.get::<_, Option<i64>>(7)?.map(from_ms),
                matched_words: words_list(r.get(8)?),
                author: author(r, 9, ctx.mall)?,
                open_reports: 0,
                reasons: Vec::new(),
                report_details: Vec::new(),
                waiting_since: from_ms(r.get(6)?),
            })
        })
        .optional()?;
    let Some(mut item) = found else {
        return Ok(None);
    };
    if item.state == PostState::Deleted {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT reason, count(*), min(created_at) FROM community_reports
         WHERE post_kind = ?1 AND post_id = ?2 AND resolved_at IS NULL
         GROUP BY reason ORDER BY count(*) DESC, min(created_at)",
    )?;
    let mut first_report: Option<i64> = None;
    let reasons = stmt
        .query_map(params![post.kind.as_str(), post.id], |r| {
            Ok((
                parse::<ReportReason>(0, &r.get::<_, String>(0)?)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (reason, count, first) in reasons {
        first_report = Some(first_report.map_or(first, |f| f.min(first)));
        item.open_reports += count as u64;
        item.reasons.push(ReasonCount {
            reason,
            count: count as u64,
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT detail FROM community_reports
         WHERE post_kind = ?1 AND post_id = ?2 AND resolved_at IS NULL AND detail IS NOT NULL
         ORDER BY created_at DESC, id DESC",
    )?;
    item.report_details = stmt
        .query_map(params![post.kind.as_str(), post.id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let held = item.state == PostState::Held;
    if !held && item.open_reports == 0 {
        return Ok(None);
    }
    if held {
        item.waiting_since = item.edited_at.unwrap_or(item.created_at);
    }
    if let Some(first) = first_report.filter(|_| !held) {
        item.waiting_since = from_ms(first);
    }
    Ok(Some(item))
}

/// Whether a waiting item is shown under a filter.
pub fn shown(filter: QueueFilter, held: bool, open_reports: u64) -> bool {
    match filter {
        QueueFilter::All => held || open_reports > 0,
        QueueFilter::Held => held,
        QueueFilter::Reported => open_reports > 0,
    }
}

fn waiting(conn: &Connection, ctx: &Ctx<'_>) -> Result<Vec<QueueItem>, StoreError> {
    let mut items = Vec::new();
    for post in candidates(conn)? {
        if let Some(item) = queue_item(conn, ctx, post)? {
            items.push(item);
        }
    }
    items.sort_by(|a, b| {
        (a.waiting_since, a.post.kind.as_str(), a.post.id).cmp(&(
            b.waiting_since,
            b.post.kind.as_str(),
            b.post.id,
        ))
    });
    Ok(items)
}

/// Posts waiting for staff (held or reported).
pub fn pending(conn: &Connection, ctx: &Ctx<'_>) -> Result<u64, StoreError> {
    Ok(waiting(conn, ctx)?.len() as u64)
}

/// Staff: the queue, longest waiting first.
pub fn queue(
    conn: &Connection,
    ctx: &Ctx<'_>,
    filter: QueueFilter,
    page: u32,
    per_page: u32,
) -> Result<ModerationQueue, StoreError> {
    ctx.staff()?;
    let all = waiting(conn, ctx)?;
    let held = all.iter().filter(|i| i.state == PostState::Held).count() as u64;
    let reported = all.iter().filter(|i| i.open_reports > 0).count() as u64;
    let matching: Vec<QueueItem> = all
        .into_iter()
        .filter(|i| shown(filter, i.state == PostState::Held, i.open_reports))
        .collect();
    let total = matching.len() as u64;
    let items = matching
        .into_iter()
        .skip(offset(page, per_page) as usize)
        .take(per_page as usize)
        .collect();
    Ok(ModerationQueue {
        items,
        page,
        per_page,
        total,
        held,
        reported,
    })
}

/// A change of a post's state by staff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Hide,
    Restore,
    Approve,
    Reject,
}

/// The state after a change, when the change applies to the state.
pub fn changed(state: PostState, change: Change) -> Option<PostState> {
    match (change, state) {
        (Change::Hide, PostState::Published) => Some(PostState::Hidden),
        (Change::Restore, PostState::Hidden) => Some(PostState::Published),
        (Change::Approve, PostState::Held) => Some(PostState::Published),
        (Change::Reject, PostState::Held) => Some(PostState::Rejected),
        _ => None,
    }
}

impl Change {
    fn logged(self) -> ModerationAction {
        match self {
            Change::Hide => ModerationAction::Hidden,
            Change::Restore => ModerationAction::Restored,
            Change::Approve => ModerationAction::Approved,
            Change::Reject => ModerationAction::Rejected,
        }
    }
}

/// What a staff action does.
enum Step {
    State(Change),
    /// Settle the open reports.
    Dismiss,
    /// Set a thread's flag (`locked`, `pinned`) to a value.
    Flag(&'static str, bool, ModerationAction),
}

fn invalid(message: String) -> StoreError {
    StoreError::refused(ErrorCode::InvalidStatus, message)
}

/// The facts a staff action looks at: (state, thread id, locked, pinned).
fn moderated_facts(
    conn: &Connection,
    post: PostRef,
) -> Result<(PostState, i64, bool, bool), StoreError> {
    let sql = match post.kind {
        PostKind::Thread => "SELECT state, id, locked, pinned FROM community_threads WHERE id = ?1",
        PostKind::Reply => "SELECT state, thread_id, 0, 0 FROM community_replies WHERE id = ?1",
    };
    conn.query_row(sql, [post.id], |r| {
        Ok((
            state(0, &r.get::<_, String>(0)?)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })
    .optional()?
    .filter(|(s, ..)| *s != PostState::Deleted)
    .ok_or_else(StoreError::not_found)
}

fn moderate(
    conn: &Connection,
    ctx: &Ctx<'_>,
    post: PostRef,
    step: Step,
    note: Option<&str>,
) -> Result<ModeratedPost, StoreError> {
    let staff = ctx.staff()?;
    let (state, thread_id, locked, pinned) = moderated_facts(conn, post)?;
    let table = match post.kind {
        PostKind::Thread => "community_threads",
        PostKind::Reply => "community_replies",
    };
    let action = match step {
        Step::State(change) => {
            let to = changed(state, change).ok_or_else(|| {
                invalid(format!(
                    "a {} post cannot be {}",
                    state.as_str(),
                    change.logged().as_str()
                ))
            })?;
            let note_kept = matches!(change, Change::Hide | Change::Reject).then_some(note);
            conn.execute(
                &format!("UPDATE {table} SET state = ?2, moderation_note = ?3 WHERE id = ?1"),
                params![post.id, to.as_str(), note_kept.flatten()],
            )?;
            if matches!(change, Change::Hide | Change::Reject) {
                resolve_reports(conn, post, ctx.now_ms)?;
            }
            if post.kind == PostKind::Reply {
                match to {
                    PostState::Published => {
                        touch(conn, thread_id, ctx.now_ms)?;
                        // A held reply reaches the thread's author once staff approve it.
                        crate::care::store::notices::reply_published(conn, post.id, ctx.now_ms)?;
                    }
                    _ => {
                        if let Some(t) = thread_facts(conn, thread_id)? {
                            clear_best(conn, &t, post.id)?;
                        }
                    }
                }
            }
            change.logged()
        }
        Step::Dismiss => {
            if resolve_reports(conn, post, ctx.now_ms)? == 0 {
                return Err(invalid("no open reports to dismiss".to_owned()));
            }
            ModerationAction::Dismissed
        }
        Step::Flag(column, value, action) => {
            let now = if column == "locked" { locked } else { pinned };
            if now == value {
                return Err(invalid(format!(
                    "the thread is already {}",
                    action.as_str()
                )));
            }
            conn.execute(
                &format!("UPDATE community_threads SET {column} = ?2 WHERE id = ?1"),
                params![post.id, value],
            )?;
            action
        }
    };
    let entry_id = log(conn, Some(staff), action, post, thread_id, note, ctx.now_ms)?;
    let (state, _, locked, pinned) = moderated_facts(conn, post)?;
    Ok(ModeratedPost {
        post,
        state,
        locked,
        pinned,
        open_reports: open_reports(conn, post)?,
        entry: log_entry(conn, ctx, entry_id)?,
    })
}

/// Staff act on a thread (any state but deleted).
pub fn moderate_thread(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    action: ThreadModAction,
    note: Option<&str>,
) -> Result<ModeratedPost, StoreError> {
    use ModerationAction as Log;
    let step = match action {
        ThreadModAction::Hide => Step::State(Change::Hide),
        ThreadModAction::Restore => Step::State(Change::Restore),
        ThreadModAction::Approve => Step::State(Change::Approve),
        ThreadModAction::Reject => Step::State(Change::Reject),
        ThreadModAction::Dismiss => Step::Dismiss,
        ThreadModAction::Lock => Step::Flag("locked", true, Log::Locked),
        ThreadModAction::Unlock => Step::Flag("locked", false, Log::Unlocked),
        ThreadModAction::Pin => Step::Flag("pinned", true, Log::Pinned),
        ThreadModAction::Unpin => Step::Flag("pinned", false, Log::Unpinned),
    };
    let post = PostRef {
        kind: PostKind::Thread,
        id,
    };
    moderate(conn, ctx, post, step, note)
}

/// Staff act on a reply (any state but deleted).
pub fn moderate_reply(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    action: ReplyModAction,
    note: Option<&str>,
) -> Result<ModeratedPost, StoreError> {
    let step = match action {
        ReplyModAction::Hide => Step::State(Change::Hide),
        ReplyModAction::Restore => Step::State(Change::Restore),
        ReplyModAction::Approve => Step::State(Change::Approve),
        ReplyModAction::Reject => Step::State(Change::Reject),
        ReplyModAction::Dismiss => Step::Dismiss,
    };
    let post = PostRef {
        kind: PostKind::Reply,
        id,
    };
    moderate(conn, ctx, post, step, note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PostState::*;

    #[test]
    fn staff_hide_published_posts_restore_hidden_ones_and_decide_held_ones() {
        let all = [Published, Held, Hidden, Rejected, Deleted];
        let table = [
            (Change::Hide, Published, Hidden),
            (Change::Restore, Hidden, Published),
            (Change::Approve, Held, Published),
            (Change::Reject, Held, Rejected),
        ];
        for (change, from, to) in table {
            for state in all {
                let expected = (state == from).then_some(to);
                assert_eq!(changed(state, change), expected, "{change:?} on {state:?}");
            }
        }
    }

    #[test]
    fn the_queue_filter_shows_held_reported_or_both() {
        assert!(shown(QueueFilter::All, true, 0));
        assert!(shown(QueueFilter::All, false, 1));
        assert!(!shown(QueueFilter::All, false, 0));
        assert!(shown(QueueFilter::Held, true, 0));
        assert!(!shown(QueueFilter::Held, false, 3));
        assert!(shown(QueueFilter::Reported, false, 1));
        assert!(!shown(QueueFilter::Reported, true, 0));
    }

    #[test]
    fn every_change_is_logged_by_its_own_name() {
        assert_eq!(Change::Hide.logged(), ModerationAction::Hidden);
        assert_eq!(Change::Restore.logged(), ModerationAction::Restored);
        assert_eq!(Change::Approve.logged(), ModerationAction::Approved);
        assert_eq!(Change::Reject.logged(), ModerationAction::Rejected);
    }
}
