//! Idea calls (创意征集): staff adopt a suggestion (a published reply in an idea-call
//! board's thread) and its author earns the configured points, an `adopted_suggestion`
//! earning in the mall's points ledger.

use care_contract::community::{
    AdoptionResult, BoardKind, ModerationAction, PostKind, PostRef, PostState,
};
use care_contract::mall::LedgerKind;
use care_contract::points::expiry_for;
use care_contract::time::china_date;
use care_contract::ErrorCode;
use rusqlite::{params, Connection};

use super::posts::{seen_reply, thread_facts};
use super::{moderation, replies, Ctx};
use crate::mall::clock::from_ms;
use crate::mall::store::ledger::NewEntry;
use crate::mall::store::points::earn;
use crate::store::StoreError;

/// The ledger's words for an adopted suggestion in the call `title`.
pub fn ledger_titles(title: &str) -> (String, String) {
    (
        format!("建议被采纳：{title}"),
        format!("Suggestion adopted: {title}"),
    )
}

/// Staff adopt a suggestion once; its author is credited in the same transaction.
pub fn adopt(
    conn: &Connection,
    ctx: &Ctx<'_>,
    reply_id: i64,
    note: Option<&str>,
) -> Result<AdoptionResult, StoreError> {
    let staff = ctx.staff()?;
    let (r, _) = seen_reply(conn, ctx, reply_id)?;
    let t = thread_facts(conn, r.thread_id)?.ok_or_else(StoreError::not_found)?;
    if t.board_kind != BoardKind::IdeaCall {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a suggestion in an idea call can be adopted",
        ));
    }
    if r.state != PostState::Published || t.state != PostState::Published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published suggestion can be adopted",
        ));
    }
    if r.adopted {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "this suggestion has been adopted already",
        ));
    }
    let points = ctx.cfg.adoption_points;
    let (zh, en) = ledger_titles(&t.title);
    let today = china_date(from_ms(ctx.now_ms));
    let ledger_entry_id = earn(
        conn,
        r.author_id,
        &NewEntry::new(LedgerKind::AdoptedSuggestion, points, ctx.now_ms, &zh, &en),
        expiry_for(today, ctx.mall.points_expire_years_after),
    )?;
    conn.execute(
        "UPDATE community_replies SET adopted_points = ?2, adopted_at = ?3 WHERE id = ?1",
        params![reply_id, points, ctx.now_ms],
    )?;
    crate::care::store::notices::idea_adopted(
        conn,
        t.id,
        reply_id,
        r.author_id,
        points,
        ctx.now_ms,
    )?;
    let logged = match note {
        Some(note) => format!("{points} points: {note}"),
        None => format!("{points} points"),
    };
    let post = PostRef {
        kind: PostKind::Reply,
        id: reply_id,
    };
    moderation::log(
        conn,
        Some(staff),
        ModerationAction::Adopted,
        post,
        t.id,
        Some(&logged),
        ctx.now_ms,
    )?;
    Ok(AdoptionResult {
        reply: replies::reply(conn, ctx, reply_id)?,
        points,
        ledger_entry_id,
    })
}
