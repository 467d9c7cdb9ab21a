//! What threads and replies share: who sees a post ([`sight`]), what the viewer may do
//! with it ([`thread_actions`], [`reply_actions`]), the author's own edits ([`own_editable`]),
//! authors, and loading a post's facts for a rule to look at.

use care_contract::community::{
    Author, BoardKind, PostActions, PostDeleted, PostKind, PostRef, PostState,
};
use care_contract::phone::mask_phone;
use care_contract::undo::{can_undo, UNDO_WINDOW_MINUTES};
use care_contract::ErrorCode;
use rusqlite::{Connection, OptionalExtension, Row};

use super::{parse, state, Ctx, Viewer};
use crate::mall::clock::from_ms;
use crate::mall::MallConfig;
use crate::store::StoreError;

/// How much of a post a viewer sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sight {
    /// All of it.
    Full,
    /// That a reply was there (hidden or deleted), without author or body.
    Placeholder,
    /// Nothing: not found.
    Unseen,
}

/// Who sees what: published posts everyone; held and rejected ones their author and
/// staff; hidden ones their author and staff (others: a reply's placeholder, a thread not
/// at all); deleted ones nobody (a reply's placeholder stays, so the replies under it keep
/// their place).
pub fn sight(kind: PostKind, state: PostState, author_id: i64, viewer: &Viewer) -> Sight {
    let privileged = viewer.is(author_id) || viewer.is_staff;
    let placeholder = match kind {
        PostKind::Thread => Sight::Unseen,
        PostKind::Reply => Sight::Placeholder,
    };
    match state {
        PostState::Published => Sight::Full,
        PostState::Held | PostState::Rejected if privileged => Sight::Full,
        PostState::Held | PostState::Rejected => Sight::Unseen,
        PostState::Hidden if privileged => Sight::Full,
        PostState::Hidden | PostState::Deleted => placeholder,
    }
}

/// The replies a viewer sees (fully or as a placeholder), as SQL over the alias `a` with
/// the named parameters `:viewer` and `:staff`: [`sight`] for replies.
pub fn visible_reply(a: &str) -> String {
    format!(
        "({a}.state IN ('published', 'hidden', 'deleted') \
         OR ({a}.state IN ('held', 'rejected') AND ({a}.author_id IS :viewer OR :staff)))"
    )
}

/// The threads a list shows a viewer, over alias `t`: published ones, and the viewer's own
/// held, hidden and rejected ones ("awaiting review").
pub const LISTED_THREAD: &str = "(t.state = 'published' \
     OR (t.state IN ('held', 'hidden', 'rejected') AND t.author_id IS :viewer))";

/// An author's columns, joined as `s` (subscribers).
pub const AUTHOR_COLUMNS: &str = "s.id, s.nickname, s.phone, s.star_level, s.is_staff";

/// The author from the five [`AUTHOR_COLUMNS`] starting at `at`.
pub fn author(row: &Row<'_>, at: usize, mall: &MallConfig) -> rusqlite::Result<Author> {
    let phone: String = row.get(at + 2)?;
    let star_level: u8 = row.get(at + 3)?;
    let tier = mall.tier(star_level);
    Ok(Author {
        id: row.get(at)?,
        nickname: row.get(at + 1)?,
        phone_masked: mask_phone(&phone),
        star_level,
        tier_name_zh: tier.name_zh.to_owned(),
        tier_name_en: tier.name_en.to_owned(),
        is_staff: row.get(at + 4)?,
    })
}

/// A thread as the rules look at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadFacts {
    pub id: i64,
    pub board_id: i64,
    pub board_kind: BoardKind,
    pub author_id: i64,
    pub state: PostState,
    pub locked: bool,
    pub pinned: bool,
    pub best_reply_id: Option<i64>,
    pub created_at: i64,
    pub title: String,
}

pub fn thread_facts(conn: &Connection, id: i64) -> rusqlite::Result<Option<ThreadFacts>> {
    conn.query_row(
        "SELECT t.id, t.board_id, b.kind, t.author_id, t.state, t.locked, t.pinned,
             t.best_reply_id, t.created_at, t.title
         FROM community_threads t JOIN community_boards b ON b.id = t.board_id
         WHERE t.id = ?1",
        [id],
        |r| {
            Ok(ThreadFacts {
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
            })
        },
    )
    .optional()
}

/// A thread the viewer may see (`not_found` otherwise).
pub fn seen_thread(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<ThreadFacts, StoreError> {
    thread_facts(conn, id)?
        .filter(|t| sight(PostKind::Thread, t.state, t.author_id, &ctx.viewer) != Sight::Unseen)
        .ok_or_else(StoreError::not_found)
}

/// A reply as the rules look at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyFacts {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub state: PostState,
    pub created_at: i64,
    pub adopted: bool,
}

pub fn reply_facts(conn: &Connection, id: i64) -> rusqlite::Result<Option<ReplyFacts>> {
    conn.query_row(
        "SELECT id, thread_id, parent_id, author_id, state, created_at, adopted_at IS NOT NULL
         FROM community_replies WHERE id = ?1",
        [id],
        |r| {
            Ok(ReplyFacts {
                id: r.get(0)?,
                thread_id: r.get(1)?,
                parent_id: r.get(2)?,
                author_id: r.get(3)?,
                state: state(4, &r.get::<_, String>(4)?)?,
                created_at: r.get(5)?,
                adopted: r.get(6)?,
            })
        },
    )
    .optional()
}

/// A reply the viewer may see, at least as a placeholder, in a thread they may see
/// (`not_found` otherwise).
pub fn seen_reply(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
) -> Result<(ReplyFacts, ThreadFacts), StoreError> {
    let reply = reply_facts(conn, id)?
        .filter(|r| sight(PostKind::Reply, r.state, r.author_id, &ctx.viewer) != Sight::Unseen)
        .ok_or_else(StoreError::not_found)?;
    let thread = seen_thread(conn, ctx, reply.thread_id)?;
    Ok((reply, thread))
}

/// Until when its author may edit or delete a post made at `created_at`.
pub fn editable_until(created_at: i64, ctx: &Ctx<'_>) -> i64 {
    created_at.saturating_add(ctx.cfg.edit_window_ms())
}

/// The author may still edit or delete: their own post, published or awaiting review, and
/// within the window (up to, not including, `editable_until`).
fn may_edit(author_id: i64, state: PostState, created_at: i64, ctx: &Ctx<'_>) -> bool {
    ctx.viewer.is(author_id)
        && matches!(state, PostState::Published | PostState::Held)
        && ctx.now_ms < editable_until(created_at, ctx)
}

/// The refusal when the viewer may not edit or delete a post they can see: someone
/// else's (`forbidden`), hidden, rejected or deleted (`invalid_status`), or too old
/// (`edit_window_closed`).
pub fn own_editable(
    author_id: i64,
    state: PostState,
    created_at: i64,
    ctx: &Ctx<'_>,
) -> Result<(), StoreError> {
    if !ctx.viewer.is(author_id) {
        return Err(StoreError::refused(
            ErrorCode::Forbidden,
            "only its author may edit or delete a post",
        ));
    }
    if !matches!(state, PostState::Published | PostState::Held) {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            format!("a {} post cannot be edited or deleted", state.as_str()),
        ));
    }
    if ctx.now_ms >= editable_until(created_at, ctx) {
        return Err(StoreError::refused(
            ErrorCode::EditWindowClosed,
            format!(
                "a post can be edited or deleted for {} minutes after posting",
                ctx.cfg.edit_window_minutes
            ),
        ));
    }
    Ok(())
}

/// A post's deletion as the undo looks at it: who wrote it, where it stands, when its
/// author deleted it and the state it had then.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deletion {
    pub author_id: i64,
    pub state: PostState,
    pub deleted_at: Option<i64>,
    pub before: Option<PostState>,
}

/// Where undoing its author's deletion takes a post at `ctx.now_ms`: back to the state it
/// had. Someone else's post is `not_found` (there is nothing of theirs to restore); one
/// that is not deleted is `invalid_status`; one deleted `UNDO_WINDOW_MINUTES` ago or more
/// (or at a time not kept) is `undo_expired`.
pub fn after_undo_delete(d: &Deletion, ctx: &Ctx<'_>) -> Result<PostState, StoreError> {
    if !ctx.viewer.is(d.author_id) {
        return Err(StoreError::not_found());
    }
    if d.state != PostState::Deleted {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            format!("a {} post is not deleted", d.state.as_str()),
        ));
    }
    match (d.deleted_at, d.before) {
        (Some(at), Some(before)) if can_undo(from_ms(at), from_ms(ctx.now_ms)) => Ok(before),
        _ => Err(StoreError::refused(
            ErrorCode::UndoExpired,
            format!("a deletion can be undone for {UNDO_WINDOW_MINUTES} minutes"),
        )),
    }
}

/// A post's [`Deletion`] from its table (`community_threads` or `community_replies`),
/// whoever asks, with the thread it is in; `not_found` when there is no such post.
pub fn deletion(conn: &Connection, kind: PostKind, id: i64) -> Result<(Deletion, i64), StoreError> {
    let sql = match kind {
        PostKind::Thread => {
            "SELECT author_id, state, deleted_at, state_before_deletion, id
             FROM community_threads WHERE id = ?1"
        }
        PostKind::Reply => {
            "SELECT author_id, state, deleted_at, state_before_deletion, thread_id
             FROM community_replies WHERE id = ?1"
        }
    };
    conn.query_row(sql, [id], |r| {
        Ok((
            Deletion {
                author_id: r.get(0)?,
                state: state(1, &r.get::<_, String>(1)?)?,
                deleted_at: r.get(2)?,
                before: r
                    .get::<_, Option<String>>(3)?
                    .map(|s| state(3, &s))
                    .transpose()?,
            },
            r.get(4)?,
        ))
    })
    .optional()?
    .ok_or_else(StoreError::not_found)
}

/// What deleting `post` at `at_ms` answers: when, and until when its author may undo it.
pub fn deleted(post: PostRef, at_ms: i64) -> PostDeleted {
    let deleted_at = from_ms(at_ms);
    PostDeleted {
        post,
        deleted_at,
        undo_until: care_contract::undo::undo_open_until(deleted_at),
    }
}

/// Until when the viewer may undo the post's deletion (`None`: they may not).
pub fn undo_until(d: &Deletion, ctx: &Ctx<'_>) -> Option<i64> {
    after_undo_delete(d, ctx).ok()?;
    d.deleted_at
        .map(|at| care_contract::undo::undo_open_until(from_ms(at)).timestamp_millis())
}

/// May vote on or report a post: a signed-in member, not its author, a published post.
fn may_judge(author_id: i64, state: PostState, viewer: &Viewer) -> bool {
    viewer.id.is_some() && !viewer.is(author_id) && state == PostState::Published
}

/// What the viewer may do with a thread.
pub fn thread_actions(t: &ThreadFacts, ctx: &Ctx<'_>) -> PostActions {
    let v = &ctx.viewer;
    let published = t.state == PostState::Published;
    let edit = may_edit(t.author_id, t.state, t.created_at, ctx);
    PostActions {
        reply: v.id.is_some() && published && !t.locked,
        edit,
        delete: edit,
        vote: may_judge(t.author_id, t.state, v),
        report: may_judge(t.author_id, t.state, v),
        mark_best: published && (v.is(t.author_id) || v.is_staff),
        moderate: v.is_staff,
        adopt: false,
    }
}

/// What the viewer may do with a reply in thread `t`.
pub fn reply_actions(r: &ReplyFacts, t: &ThreadFacts, ctx: &Ctx<'_>) -> PostActions {
    let v = &ctx.viewer;
    let published = r.state == PostState::Published && t.state == PostState::Published;
    let edit = may_edit(r.author_id, r.state, r.created_at, ctx);
    let judge = may_judge(r.author_id, r.state, v) && t.state == PostState::Published;
    PostActions {
        reply: v.id.is_some() && published && !t.locked,
        edit,
        delete: edit,
        vote: judge,
        report: judge,
        mark_best: published && (v.is(t.author_id) || v.is_staff),
        moderate: v.is_staff,
        adopt: v.is_staff && published && t.board_kind == BoardKind::IdeaCall && !r.adopted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::community::CommunityConfig;
    use PostKind::{Reply, Thread};
    use PostState::*;

    const AUTHOR: i64 = 1;
    const OTHER: i64 = 2;
    const STAFF: i64 = 3;
    const MINUTE: i64 = 60_000;

    fn member(id: i64) -> Viewer {
        Viewer {
            id: Some(id),
            is_staff: false,
        }
    }

    fn staff() -> Viewer {
        Viewer {
            id: Some(STAFF),
            is_staff: true,
        }
    }

    #[test]
    fn published_posts_are_seen_by_everyone() {
        for viewer in [Viewer::ANONYMOUS, member(AUTHOR), member(OTHER), staff()] {
            for kind in [Thread, Reply] {
                assert_eq!(sight(kind, Published, AUTHOR, &viewer), Sight::Full);
            }
        }
    }

    #[test]
    fn held_and_rejected_posts_are_seen_only_by_their_author_and_staff() {
        for state in [Held, Rejected] {
            for kind in [Thread, Reply] {
                assert_eq!(sight(kind, state, AUTHOR, &member(AUTHOR)), Sight::Full);
                assert_eq!(sight(kind, state, AUTHOR, &staff()), Sight::Full);
                assert_eq!(sight(kind, state, AUTHOR, &member(OTHER)), Sight::Unseen);
                assert_eq!(
                    sight(kind, state, AUTHOR, &Viewer::ANONYMOUS),
                    Sight::Unseen
                );
            }
        }
    }

    #[test]
    fn a_hidden_reply_is_a_placeholder_to_others_and_a_hidden_thread_is_not_found() {
        assert_eq!(sight(Reply, Hidden, AUTHOR, &member(AUTHOR)), Sight::Full);
        assert_eq!(sight(Reply, Hidden, AUTHOR, &staff()), Sight::Full);
        assert_eq!(
            sight(Reply, Hidden, AUTHOR, &member(OTHER)),
            Sight::Placeholder
        );
        assert_eq!(sight(Thread, Hidden, AUTHOR, &staff()), Sight::Full);
        assert_eq!(sight(Thread, Hidden, AUTHOR, &member(AUTHOR)), Sight::Full);
        assert_eq!(sight(Thread, Hidden, AUTHOR, &member(OTHER)), Sight::Unseen);
        assert_eq!(
            sight(Thread, Hidden, AUTHOR, &Viewer::ANONYMOUS),
            Sight::Unseen
        );
    }

    #[test]
    fn a_deleted_reply_is_a_placeholder_and_a_deleted_thread_is_gone_for_everyone() {
        for viewer in [member(AUTHOR), member(OTHER), staff(), Viewer::ANONYMOUS] {
            assert_eq!(sight(Reply, Deleted, AUTHOR, &viewer), Sight::Placeholder);
            assert_eq!(sight(Thread, Deleted, AUTHOR, &viewer), Sight::Unseen);
        }
    }

    fn thread(state: PostState, locked: bool, kind: BoardKind) -> ThreadFacts {
        ThreadFacts {
            id: 10,
            board_id: 1,
            board_kind: kind,
            author_id: AUTHOR,
            state,
            locked,
            pinned: false,
            best_reply_id: None,
            created_at: 0,
            title: "标题".into(),
        }
    }

    fn reply(author_id: i64, state: PostState) -> ReplyFacts {
        ReplyFacts {
            id: 20,
            thread_id: 10,
            parent_id: None,
            author_id,
            state,
            created_at: 0,
            adopted: false,
        }
    }

    fn ctx(viewer: Viewer, now_ms: i64, cfg: &CommunityConfig) -> Ctx<'_> {
        static MALL: std::sync::OnceLock<MallConfig> = std::sync::OnceLock::new();
        Ctx {
            viewer,
            now_ms,
            cfg,
            mall: MALL.get_or_init(MallConfig::default),
        }
    }

    #[test]
    fn the_author_may_edit_and_delete_until_the_window_closes_and_not_after() {
        let cfg = CommunityConfig::default();
        let t = thread(Published, false, BoardKind::Discussion);
        let last = cfg.edit_window_ms() - 1;
        let a = thread_actions(&t, &ctx(member(AUTHOR), last, &cfg));
        assert!(a.edit && a.delete);
        assert!(own_editable(AUTHOR, Published, 0, &ctx(member(AUTHOR), last, &cfg)).is_ok());
        let closed = ctx(member(AUTHOR), cfg.edit_window_ms(), &cfg);
        let a = thread_actions(&t, &closed);
        assert!(!a.edit && !a.delete);
        let e = own_editable(AUTHOR, Published, 0, &closed).unwrap_err();
        assert_eq!(e.code(), Some(ErrorCode::EditWindowClosed));
        assert_eq!(editable_until(5, &closed), 5 + 30 * MINUTE);
    }

    #[test]
    fn only_the_author_edits_and_only_a_published_or_held_post() {
        let cfg = CommunityConfig::default();
        let other = ctx(member(OTHER), 0, &cfg);
        assert_eq!(
            own_editable(AUTHOR, Published, 0, &other)
                .unwrap_err()
                .code(),
            Some(ErrorCode::Forbidden)
        );
        let staff_ctx = ctx(staff(), 0, &cfg);
        assert_eq!(
            own_editable(AUTHOR, Published, 0, &staff_ctx)
                .unwrap_err()
                .code(),
            Some(ErrorCode::Forbidden),
            "staff hide posts, they do not edit them"
        );
        let mine = ctx(member(AUTHOR), 0, &cfg);
        assert!(own_editable(AUTHOR, Held, 0, &mine).is_ok());
        for state in [Hidden, Rejected, Deleted] {
            assert_eq!(
                own_editable(AUTHOR, state, 0, &mine).unwrap_err().code(),
                Some(ErrorCode::InvalidStatus),
                "{state:?}"
            );
            let a = thread_actions(&thread(state, false, BoardKind::Discussion), &mine);
            assert!(!a.edit && !a.delete, "{state:?}");
        }
        assert!(!thread_actions(&thread(Published, false, BoardKind::Discussion), &other).edit);
    }

    fn deletion(state: PostState, deleted_at: Option<i64>, before: Option<PostState>) -> Deletion {
        Deletion {
            author_id: AUTHOR,
            state,
            deleted_at,
            before,
        }
    }

    #[test]
    fn the_author_undoes_a_deletion_into_the_state_it_had_for_ten_minutes() {
        let cfg = CommunityConfig::default();
        let done = 5 * MINUTE;
        for before in [Published, Held] {
            let d = deletion(Deleted, Some(done), Some(before));
            let last = ctx(member(AUTHOR), done + 10 * MINUTE - 1, &cfg);
            assert_eq!(after_undo_delete(&d, &last).unwrap(), before);
            assert_eq!(undo_until(&d, &last), Some(done + 10 * MINUTE));
            let now = ctx(member(AUTHOR), done, &cfg);
            assert_eq!(after_undo_delete(&d, &now).unwrap(), before);
            let ten = ctx(member(AUTHOR), done + 10 * MINUTE, &cfg);
            assert_eq!(
                after_undo_delete(&d, &ten).unwrap_err().code(),
                Some(ErrorCode::UndoExpired)
            );
            assert_eq!(undo_until(&d, &ten), None);
        }
        // A deletion from before the time was kept is too old to undo.
        let mine = ctx(member(AUTHOR), done, &cfg);
        for d in [
            deletion(Deleted, None, None),
            deletion(Deleted, Some(done), None),
            deletion(Deleted, None, Some(Published)),
        ] {
            assert_eq!(
                after_undo_delete(&d, &mine).unwrap_err().code(),
                Some(ErrorCode::UndoExpired),
                "{d:?}"
            );
        }
    }

    #[test]
    fn only_the_author_undoes_and_only_a_deletion() {
        let cfg = CommunityConfig::default();
        let d = deletion(Deleted, Some(0), Some(Published));
        for viewer in [member(OTHER), staff(), Viewer::ANONYMOUS] {
            let c = ctx(viewer, 0, &cfg);
            assert_eq!(
                after_undo_delete(&d, &c).unwrap_err().code(),
                Some(ErrorCode::NotFound)
            );
            assert_eq!(undo_until(&d, &c), None);
        }
        let mine = ctx(member(AUTHOR), 0, &cfg);
        for state in [Published, Held, Hidden, Rejected] {
            let d = deletion(state, Some(0), Some(Published));
            assert_eq!(
                after_undo_delete(&d, &mine).unwrap_err().code(),
                Some(ErrorCode::InvalidStatus),
                "{state:?}"
            );
            assert_eq!(undo_until(&d, &mine), None);
        }
    }

    #[test]
    fn a_deletion_answers_until_when_it_may_be_undone() {
        let post = PostRef {
            kind: Thread,
            id: 7,
        };
        let d = deleted(post, 5 * MINUTE);
        assert_eq!(d.post, post);
        assert_eq!(d.deleted_at, from_ms(5 * MINUTE));
        assert_eq!(d.undo_until, from_ms(15 * MINUTE));
    }

    #[test]
    fn members_vote_on_and_report_published_posts_of_others_only() {
        let cfg = CommunityConfig::default();
        let t = thread(Published, false, BoardKind::Discussion);
        let a = thread_actions(&t, &ctx(member(OTHER), 0, &cfg));
        assert!(a.vote && a.report && a.reply);
        assert!(!a.mark_best && !a.moderate && !a.adopt);
        let own = thread_actions(&t, &ctx(member(AUTHOR), 0, &cfg));
        assert!(!own.vote && !own.report && own.mark_best);
        let anonymous = thread_actions(&t, &ctx(Viewer::ANONYMOUS, 0, &cfg));
        assert_eq!(anonymous, PostActions::default());
        let held = thread(Held, false, BoardKind::Discussion);
        let a = thread_actions(&held, &ctx(member(OTHER), 0, &cfg));
        assert!(!a.vote && !a.report && !a.reply);
        let r = reply_actions(&reply(OTHER, Hidden), &t, &ctx(member(AUTHOR), 0, &cfg));
        assert!(!r.vote && !r.report && !r.mark_best && !r.reply);
        let r = reply_actions(&reply(OTHER, Published), &t, &ctx(member(AUTHOR), 0, &cfg));
        assert!(r.vote && r.report && r.mark_best && r.reply && !r.edit);
        // In a thread others cannot see, nothing is judged.
        let hidden = thread(Hidden, false, BoardKind::Discussion);
        let r = reply_actions(&reply(OTHER, Published), &hidden, &ctx(staff(), 0, &cfg));
        assert!(!r.vote && !r.report && !r.mark_best && !r.reply && r.moderate);
    }

    #[test]
    fn a_locked_thread_takes_no_replies_but_votes_and_best_answers_still() {
        let cfg = CommunityConfig::default();
        let t = thread(Published, true, BoardKind::Discussion);
        let a = thread_actions(&t, &ctx(member(OTHER), 0, &cfg));
        assert!(!a.reply && a.vote);
        let r = reply_actions(&reply(OTHER, Published), &t, &ctx(member(AUTHOR), 0, &cfg));
        assert!(!r.reply && r.mark_best);
    }

    #[test]
    fn the_asker_and_staff_mark_the_best_answer_and_only_staff_moderate_and_adopt() {
        let cfg = CommunityConfig::default();
        let t = thread(Published, false, BoardKind::IdeaCall);
        let r = reply(OTHER, Published);
        let by_staff = reply_actions(&r, &t, &ctx(staff(), 0, &cfg));
        assert!(by_staff.mark_best && by_staff.moderate && by_staff.adopt);
        let by_asker = reply_actions(&r, &t, &ctx(member(AUTHOR), 0, &cfg));
        assert!(by_asker.mark_best && !by_asker.moderate && !by_asker.adopt);
        let by_other = reply_actions(&r, &t, &ctx(member(4), 0, &cfg));
        assert!(!by_other.mark_best);
        let adopted = ReplyFacts {
            adopted: true,
            ..r.clone()
        };
        assert!(!reply_actions(&adopted, &t, &ctx(staff(), 0, &cfg)).adopt);
        let discussion = thread(Published, false, BoardKind::Discussion);
        assert!(!reply_actions(&r, &discussion, &ctx(staff(), 0, &cfg)).adopt);
        let held = reply(OTHER, Held);
        assert!(!reply_actions(&held, &t, &ctx(staff(), 0, &cfg)).adopt);
        assert!(!thread_actions(&t, &ctx(staff(), 0, &cfg)).adopt);
    }
}
