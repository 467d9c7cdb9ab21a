//! Replies: one level nested. A reply to a reply to the thread is nested under it; a reply
//! to a nested reply is nested under the same reply to the thread, and says whom it
//! answers (`reply_to_id`).

use care_contract::community::{
    Adoption, ModerationAction, PostDeleted, PostKind, PostRef, PostState, Reply, ReplyCreated,
    CHILD_PREVIEW,
};
use care_contract::ErrorCode;
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, Row};

use super::posts::{
    after_undo_delete, author, deleted, deletion, editable_until, own_editable, reply_actions,
    seen_reply, seen_thread, sight, undo_until, visible_reply, Deletion, ReplyFacts, Sight,
    ThreadFacts, AUTHOR_COLUMNS,
};
use super::threads::vote_of;
use super::{limits, moderation, offset, state, words_text, Ctx};
use crate::idempotency::KeyedTable;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// Everything a reply needs, as `r` joined with its author `s`; `:viewer` and `:staff`
/// for the viewer's vote and which nested replies they see.
fn reply_select() -> String {
    format!(
        "SELECT r.id, r.thread_id, r.parent_id, r.author_id, r.state, r.created_at,
             r.adopted_at IS NOT NULL,
             r.reply_to_id, r.body, r.score, r.up_votes, r.down_votes, r.moderation_note,
             r.adopted_points, r.adopted_at, r.edited_at,
             (SELECT s2.nickname FROM community_replies q JOIN subscribers s2 ON s2.id = q.author_id
                 WHERE q.id = r.reply_to_id AND q.state = 'published'),
             (SELECT v.value FROM community_votes v
                 WHERE v.subscriber_id IS :viewer AND v.post_kind = 'reply' AND v.post_id = r.id),
             (SELECT count(*) FROM community_replies c WHERE c.parent_id = r.id AND {}),
             {AUTHOR_COLUMNS}, r.deleted_at, r.state_before_deletion
         FROM community_replies r JOIN subscribers s ON s.id = r.author_id",
        visible_reply("c")
    )
}

struct ReplyRow {
    facts: ReplyFacts,
    reply_to_id: Option<i64>,
    body: String,
    score: i64,
    up_votes: i64,
    down_votes: i64,
    moderation_note: Option<String>,
    adopted_points: Option<i64>,
    adopted_at: Option<i64>,
    edited_at: Option<i64>,
    reply_to_nickname: Option<String>,
    my_vote: Option<i64>,
    child_count: i64,
    author: care_contract::community::Author,
    deleted_at: Option<i64>,
    state_before_deletion: Option<PostState>,
}

fn reply_row(r: &Row<'_>, ctx: &Ctx<'_>) -> rusqlite::Result<ReplyRow> {
    Ok(ReplyRow {
        facts: ReplyFacts {
            id: r.get(0)?,
            thread_id: r.get(1)?,
            parent_id: r.get(2)?,
            author_id: r.get(3)?,
            state: state(4, &r.get::<_, String>(4)?)?,
            created_at: r.get(5)?,
            adopted: r.get(6)?,
        },
        reply_to_id: r.get(7)?,
        body: r.get(8)?,
        score: r.get(9)?,
        up_votes: r.get(10)?,
        down_votes: r.get(11)?,
        moderation_note: r.get(12)?,
        adopted_points: r.get(13)?,
        adopted_at: r.get(14)?,
        edited_at: r.get(15)?,
        reply_to_nickname: r.get(16)?,
        my_vote: r.get(17)?,
        child_count: r.get(18)?,
        author: author(r, 19, ctx.mall)?,
        deleted_at: r.get(24)?,
        state_before_deletion: r
            .get::<_, Option<String>>(25)?
            .map(|s| state(25, &s))
            .transpose()?,
    })
}

impl ReplyRow {
    /// The reply as the viewer sees it in thread `t` (`None`: not at all).
    fn reply(self, t: &ThreadFacts, ctx: &Ctx<'_>) -> Option<Reply> {
        let f = &self.facts;
        let seen = sight(PostKind::Reply, f.state, f.author_id, &ctx.viewer);
        if seen == Sight::Unseen {
            return None;
        }
        let full = seen == Sight::Full;
        let own = ctx.viewer.is(f.author_id);
        let privileged = own || ctx.viewer.is_staff;
        let adopted = match (self.adopted_points, self.adopted_at) {
            (Some(points), Some(at)) => Some(Adoption {
                points,
                at: from_ms(at),
            }),
            _ => None,
        };
        let deletion = Deletion {
            author_id: f.author_id,
            state: f.state,
            deleted_at: self.deleted_at,
            before: self.state_before_deletion,
        };
        Some(Reply {
            id: f.id,
            thread_id: f.thread_id,
            parent_id: f.parent_id,
            reply_to_id: self.reply_to_id,
            reply_to_nickname: self.reply_to_nickname.filter(|_| full),
            author: full.then_some(self.author),
            body: full.then_some(self.body),
            state: f.state,
            created_at: from_ms(f.created_at),
            edited_at: self.edited_at.map(from_ms),
            score: self.score,
            up_votes: self.up_votes as u64,
            down_votes: self.down_votes as u64,
            my_vote: vote_of(self.my_vote),
            is_best: t.best_reply_id == Some(f.id),
            adopted,
            child_count: self.child_count as u64,
            children: Vec::new(),
            moderation_note: self.moderation_note.filter(|_| full && privileged),
            editable_until: (own && full).then(|| from_ms(editable_until(f.created_at, ctx))),
            undo_until: undo_until(&deletion, ctx).map(from_ms),
            can: if full {
                reply_actions(f, t, ctx)
            } else {
                Default::default()
            },
        })
    }
}

/// The replies matching `condition` (over `r`), in order, as the viewer sees them.
fn query(
    conn: &Connection,
    ctx: &Ctx<'_>,
    t: &ThreadFacts,
    condition: &str,
    extra: &[(&str, &dyn ToSql)],
) -> Result<Vec<Reply>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE {condition} AND {} ORDER BY r.created_at, r.id LIMIT :limit OFFSET :offset",
        reply_select(),
        visible_reply("r")
    ))?;
    let mut named: Vec<(&str, &dyn ToSql)> = vec![
        (":viewer", &ctx.viewer.id),
        (":staff", &ctx.viewer.is_staff),
    ];
    named.extend_from_slice(extra);
    let rows = stmt
        .query_map(named.as_slice(), |r| reply_row(r, ctx))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|row| row.reply(t, ctx))
        .collect())
}

fn count(conn: &Connection, ctx: &Ctx<'_>, condition: &str, id: i64) -> Result<u64, StoreError> {
    let n: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM community_replies r WHERE {condition} AND {}",
            visible_reply("r")
        ),
        rusqlite::named_params! { ":id": id, ":viewer": ctx.viewer.id, ":staff": ctx.viewer.is_staff },
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// The first nested replies under each reply to the thread.
fn with_children(
    conn: &Connection,
    ctx: &Ctx<'_>,
    t: &ThreadFacts,
    mut replies: Vec<Reply>,
) -> Result<Vec<Reply>, StoreError> {
    let limit = CHILD_PREVIEW as i64;
    for reply in &mut replies {
        if reply.child_count > 0 {
            reply.children = query(
                conn,
                ctx,
                t,
                "r.parent_id = :id",
                &[(":id", &reply.id), (":limit", &limit), (":offset", &0)],
            )?;
        }
    }
    Ok(replies)
}

/// A page of the replies to thread `t` (not the nested ones), oldest first, each with its
/// first nested replies, and how many replies to the thread there are.
pub fn top_level_page(
    conn: &Connection,
    ctx: &Ctx<'_>,
    t: &ThreadFacts,
    page: u32,
    per_page: u32,
) -> Result<(Vec<Reply>, u64), StoreError> {
    let condition = "r.thread_id = :id AND r.parent_id IS NULL";
    let total = count(conn, ctx, condition, t.id)?;
    let replies = query(
        conn,
        ctx,
        t,
        condition,
        &[
            (":id", &t.id),
            (":limit", &per_page),
            (":offset", &offset(page, per_page)),
        ],
    )?;
    Ok((with_children(conn, ctx, t, replies)?, total))
}

/// A page of the replies nested under reply `id` of thread `t` (none under a nested
/// reply), and their count; `not_found` when the viewer cannot see that reply there.
pub fn children_page(
    conn: &Connection,
    ctx: &Ctx<'_>,
    t: &ThreadFacts,
    id: i64,
    page: u32,
    per_page: u32,
) -> Result<(Vec<Reply>, u64), StoreError> {
    let (parent, _) = seen_reply(conn, ctx, id)?;
    if parent.thread_id != t.id {
        return Err(StoreError::not_found());
    }
    let condition = "r.parent_id = :id";
    let total = count(conn, ctx, condition, id)?;
    let replies = query(
        conn,
        ctx,
        t,
        condition,
        &[
            (":id", &id),
            (":limit", &per_page),
            (":offset", &offset(page, per_page)),
        ],
    )?;
    Ok((replies, total))
}

/// Reply `id` of thread `t` as the viewer sees it, with its first nested replies.
pub fn reply_in(
    conn: &Connection,
    ctx: &Ctx<'_>,
    t: &ThreadFacts,
    id: i64,
) -> Result<Option<Reply>, StoreError> {
    let found = query(
        conn,
        ctx,
        t,
        "r.id = :id AND r.thread_id = :thread",
        &[
            (":id", &id),
            (":thread", &t.id),
            (":limit", &1),
            (":offset", &0),
        ],
    )?;
    Ok(with_children(conn, ctx, t, found)?.pop())
}

/// Reply `id` as the viewer sees it (`not_found` when they cannot).
pub fn reply(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<Reply, StoreError> {
    let (_, t) = seen_reply(conn, ctx, id)?;
    reply_in(conn, ctx, &t, id)?.ok_or_else(StoreError::not_found)
}

/// A checked new reply.
#[derive(Clone, Debug)]
pub struct NewReply {
    pub thread_id: i64,
    pub body: String,
    pub parent_id: Option<i64>,
    pub key: String,
    pub fingerprint: String,
}

/// Where a reply to `parent` goes: under the reply to the thread, answering the nested
/// reply when the parent is one. `(parent_id, reply_to_id)`.
pub fn placement(parent: Option<&ReplyFacts>) -> (Option<i64>, Option<i64>) {
    match parent {
        None => (None, None),
        Some(p) => match p.parent_id {
            None => (Some(p.id), None),
            Some(top) => (Some(top), Some(p.id)),
        },
    }
}

const REPLIES: KeyedTable = KeyedTable {
    table: "community_replies",
    owner_column: "author_id",
};

/// Replies exactly once per key: a replay answers the reply as it is now; then the thread
/// (published, not locked), the reply it answers, the rate limit and the forbidden words.
pub fn create(
    conn: &Connection,
    ctx: &Ctx<'_>,
    new: &NewReply,
) -> Result<ReplyCreated, StoreError> {
    let member = ctx.viewer.member()?;
    if let Some(id) = REPLIES.earlier(conn, member, &new.key, &new.fingerprint)? {
        return Ok(ReplyCreated {
            reply: reply(conn, ctx, id)?,
            replayed: true,
        });
    }
    let t = seen_thread(conn, ctx, new.thread_id)?;
    if t.state != PostState::Published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published thread takes replies",
        ));
    }
    if t.locked {
        return Err(StoreError::refused(
            ErrorCode::ThreadLocked,
            "the thread is locked",
        ));
    }
    let parent = match new.parent_id {
        None => None,
        Some(pid) => {
            let (p, _) = seen_reply(conn, ctx, pid)?;
            if p.thread_id != t.id {
                return Err(StoreError::not_found());
            }
            if p.state != PostState::Published {
                return Err(StoreError::refused(
                    ErrorCode::InvalidStatus,
                    "only a published reply can be answered",
                ));
            }
            Some(p)
        }
    };
    limits::check_reply_rate(conn, ctx)?;
    let (parent_id, reply_to_id) = placement(parent.as_ref());
    let matched = ctx.cfg.matched_words(&[new.body.as_str()]);
    let state = if matched.is_empty() {
        PostState::Published
    } else {
        PostState::Held
    };
    conn.execute(
        "INSERT INTO community_replies (thread_id, parent_id, reply_to_id, author_id, body, state,
             matched_words, idempotency_key, fingerprint, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            t.id,
            parent_id,
            reply_to_id,
            member,
            new.body,
            state.as_str(),
            words_text(&matched),
            new.key,
            new.fingerprint,
            ctx.now_ms
        ],
    )?;
    let id = conn.last_insert_rowid();
    let post = PostRef {
        kind: PostKind::Reply,
        id,
    };
    if matched.is_empty() {
        touch(conn, t.id, ctx.now_ms)?;
        crate::care::store::notices::thread_replied(conn, t.id, id, member, ctx.now_ms)?;
    } else {
        moderation::log_held(conn, post, t.id, &matched, ctx)?;
    }
    Ok(ReplyCreated {
        reply: reply(conn, ctx, id)?,
        replayed: false,
    })
}

/// A thread's latest activity is now (a reply was published).
pub fn touch(conn: &Connection, thread_id: i64, now_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE community_threads SET last_activity_at = max(last_activity_at, ?2) WHERE id = ?1",
        params![thread_id, now_ms],
    )?;
    Ok(())
}

/// The author's edit: the text replaced, "edited" from now on. A forbidden word holds a
/// published reply for review again.
pub fn edit(conn: &Connection, ctx: &Ctx<'_>, id: i64, body: &str) -> Result<Reply, StoreError> {
    let (r, t) = seen_reply(conn, ctx, id)?;
    own_editable(r.author_id, r.state, r.created_at, ctx)?;
    let matched = ctx.cfg.matched_words(&[body]);
    let held = !matched.is_empty();
    conn.execute(
        "UPDATE community_replies SET body = ?2, edited_at = ?3,
             state = CASE WHEN ?4 THEN 'held' ELSE state END,
             matched_words = coalesce(?5, matched_words)
         WHERE id = ?1",
        params![id, body, ctx.now_ms, held, words_text(&matched)],
    )?;
    if held && r.state == PostState::Published {
        let post = PostRef {
            kind: PostKind::Reply,
            id,
        };
        moderation::log_held(conn, post, t.id, &matched, ctx)?;
        clear_best(conn, &t, id)?;
    }
    reply(conn, ctx, id)
}

/// The author deletes their reply (within the edit window): a placeholder stays.
pub fn delete(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<PostDeleted, StoreError> {
    let (r, t) = seen_reply(conn, ctx, id)?;
    own_editable(r.author_id, r.state, r.created_at, ctx)?;
    conn.execute(
        "UPDATE community_replies
         SET state = 'deleted', deleted_at = ?2, state_before_deletion = ?3
         WHERE id = ?1",
        params![id, ctx.now_ms, r.state.as_str()],
    )?;
    clear_best(conn, &t, id)?;
    let post = PostRef {
        kind: PostKind::Reply,
        id,
    };
    moderation::log(
        conn,
        ctx.viewer.id,
        ModerationAction::Deleted,
        post,
        t.id,
        None,
        ctx.now_ms,
    )?;
    Ok(deleted(post, ctx.now_ms))
}

/// The author undoes their deletion within `UNDO_WINDOW_MINUTES`, in a thread they still
/// see: the reply is back in the state it had (not as the best answer again, which its
/// deletion cleared), and the moderation log says so.
pub fn restore(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<Reply, StoreError> {
    ctx.viewer.member()?;
    let (d, thread_id) = deletion(conn, PostKind::Reply, id)?;
    let back = after_undo_delete(&d, ctx)?;
    let t = seen_thread(conn, ctx, thread_id)?;
    conn.execute(
        "UPDATE community_replies
         SET state = ?2, deleted_at = NULL, state_before_deletion = NULL
         WHERE id = ?1",
        params![id, back.as_str()],
    )?;
    let post = PostRef {
        kind: PostKind::Reply,
        id,
    };
    moderation::log(
        conn,
        ctx.viewer.id,
        ModerationAction::DeletionUndone,
        post,
        t.id,
        None,
        ctx.now_ms,
    )?;
    reply(conn, ctx, id)
}

/// A reply that is no longer published is no longer the thread's best answer.
pub fn clear_best(conn: &Connection, t: &ThreadFacts, reply_id: i64) -> rusqlite::Result<()> {
    if t.best_reply_id == Some(reply_id) {
        conn.execute(
            "UPDATE community_threads SET best_reply_id = NULL WHERE id = ?1",
            [t.id],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(id: i64, parent_id: Option<i64>) -> ReplyFacts {
        ReplyFacts {
            id,
            thread_id: 1,
            parent_id,
            author_id: 1,
            state: PostState::Published,
            created_at: 0,
            adopted: false,
        }
    }

    #[test]
    fn a_reply_to_a_reply_is_nested_one_level_and_names_the_nested_reply_it_answers() {
        assert_eq!(placement(None), (None, None));
        assert_eq!(placement(Some(&facts(7, None))), (Some(7), None));
        assert_eq!(placement(Some(&facts(9, Some(7)))), (Some(7), Some(9)));
    }
}
