//! The export: everything kept about the subscriber, each part read the way its own
//! endpoint reads it for the owner (so the export says what the app shows), plus what only
//! the export shows (the full number, posts whatever their state, votes).

use care_contract::community::{PostKind, PostState};
use care_contract::me::{
    DataExport, ExportedPollVote, ExportedProfile, ExportedReply, ExportedSurveyResponse,
    ExportedThread, ExportedVote,
};
use care_contract::time::china_date;
use rusqlite::{Connection, Row};

use super::{callbacks, family, privacy, Ctx};
use crate::community::store::{parse, Viewer};
use crate::feedback::FeedbackConfig;
use crate::mall::clock::from_ms;
use crate::mall::store::{address, ledger, orders};
use crate::store::StoreError;

/// Rows read per page from the paged stores.
const PAGE: u32 = 500;

fn profile(conn: &Connection, id: i64) -> Result<ExportedProfile, StoreError> {
    Ok(conn.query_row(
        "SELECT phone, nickname, joined_on, birthday, star_level, value_score, is_staff,
             verified, in_arrears, created_at
         FROM subscribers WHERE id = ?1",
        [id],
        |r| {
            Ok(ExportedProfile {
                id,
                phone: r.get(0)?,
                nickname: r.get(1)?,
                joined_on: r.get(2)?,
                birthday: r.get(3)?,
                star_level: r.get(4)?,
                value_score: r.get(5)?,
                is_staff: r.get(6)?,
                verified: r.get(7)?,
                in_arrears: r.get(8)?,
                created_at: from_ms(r.get(9)?),
            })
        },
    )?)
}

/// Every page of a paged store, in its order.
fn all_pages<T>(
    mut page_of: impl FnMut(u32) -> Result<(Vec<T>, u64), StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut all = Vec::new();
    for page in 1.. {
        let (items, total) = page_of(page)?;
        let done = items.is_empty();
        all.extend(items);
        if done || all.len() as u64 >= total {
            break;
        }
    }
    Ok(all)
}

fn tickets(
    conn: &Connection,
    ctx: &Ctx,
    cfg: &FeedbackConfig,
) -> Result<Vec<care_contract::feedback::TicketDetail>, StoreError> {
    // The owner's view, also for staff: their own tickets as they see them.
    let owner = crate::feedback::store::Ctx {
        viewer: Viewer {
            id: Some(ctx.subscriber_id),
            is_staff: false,
        },
        now_ms: ctx.now_ms,
        cfg,
    };
    let mut stmt = conn.prepare(
        "SELECT id FROM feedback_tickets WHERE subscriber_id = ?1 ORDER BY created_at DESC, id DESC",
    )?;
    let ids = stmt
        .query_map([ctx.subscriber_id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter()
        .map(|id| crate::feedback::store::tickets::detail(conn, &owner, id))
        .collect()
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    owner: i64,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([owner], f)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The subscriber's own posts and votes.
struct Community {
    threads: Vec<ExportedThread>,
    replies: Vec<ExportedReply>,
    votes: Vec<ExportedVote>,
    poll_votes: Vec<ExportedPollVote>,
}

fn community(conn: &Connection, owner: i64) -> Result<Community, StoreError> {
    let threads = rows(
        conn,
        "SELECT id, board_id, title, body, state, created_at, edited_at
         FROM community_threads WHERE author_id = ?1 ORDER BY created_at, id",
        owner,
        |r| {
            Ok(ExportedThread {
                id: r.get(0)?,
                board_id: r.get(1)?,
                title: r.get(2)?,
                body: r.get(3)?,
                state: parse::<PostState>(4, &r.get::<_, String>(4)?)?,
                created_at: from_ms(r.get(5)?),
                edited_at: r.get::<_, Option<i64>>(6)?.map(from_ms),
            })
        },
    )?;
    let replies = rows(
        conn,
        "SELECT id, thread_id, body, state, created_at, edited_at
         FROM community_replies WHERE author_id = ?1 ORDER BY created_at, id",
        owner,
        |r| {
            Ok(ExportedReply {
                id: r.get(0)?,
                thread_id: r.get(1)?,
                body: r.get(2)?,
                state: parse::<PostState>(3, &r.get::<_, String>(3)?)?,
                created_at: from_ms(r.get(4)?),
                edited_at: r.get::<_, Option<i64>>(5)?.map(from_ms),
            })
        },
    )?;
    let votes = rows(
        conn,
        "SELECT post_kind, post_id, value, created_at
         FROM community_votes WHERE subscriber_id = ?1 ORDER BY created_at",
        owner,
        |r| {
            Ok(ExportedVote {
                post_kind: parse::<PostKind>(0, &r.get::<_, String>(0)?)?,
                post_id: r.get(1)?,
                value: r.get(2)?,
                created_at: from_ms(r.get(3)?),
            })
        },
    )?;
    let poll_votes = rows(
        conn,
        "SELECT v.thread_id, v.option_id, o.label
         FROM community_poll_votes v JOIN community_poll_options o ON o.id = v.option_id
         WHERE v.subscriber_id = ?1 ORDER BY v.created_at",
        owner,
        |r| {
            Ok(ExportedPollVote {
                thread_id: r.get(0)?,
                option_id: r.get(1)?,
                option_label: r.get(2)?,
            })
        },
    )?;
    Ok(Community {
        threads,
        replies,
        votes,
        poll_votes,
    })
}

fn surveys(conn: &Connection, owner: i64) -> Result<Vec<ExportedSurveyResponse>, StoreError> {
    let ids = rows(
        conn,
        "SELECT survey_id FROM survey_responses WHERE subscriber_id = ?1 ORDER BY survey_id",
        owner,
        |r| r.get::<_, i64>(0),
    )?;
    let mut answers = Vec::new();
    for survey_id in ids {
        if let Some(response) =
            crate::surveys::store::responses::my_response(conn, survey_id, owner)?
        {
            answers.push(ExportedSurveyResponse {
                survey_id,
                response,
            });
        }
    }
    Ok(answers)
}

/// Everything, inside one write transaction: reading the ledger first writes the points
/// that expired (as the ledger endpoint does), so the export matches the app.
pub fn export(
    conn: &Connection,
    ctx: &Ctx,
    feedback: &FeedbackConfig,
) -> Result<DataExport, StoreError> {
    let me = ctx.subscriber_id;
    let today = china_date(from_ms(ctx.now_ms));
    let points_ledger = all_pages(|page| ledger::ledger_page(conn, me, None, page, PAGE, today))?;
    let orders = all_pages(|page| orders::orders_page(conn, me, page, PAGE))?;
    let Community {
        threads,
        replies,
        votes,
        poll_votes,
    } = community(conn, me)?;
    Ok(DataExport {
        exported_at: from_ms(ctx.now_ms),
        profile: profile(conn, me)?,
        family_contacts: family::list(conn, me)?,
        points_ledger,
        orders,
        delivery_address: address::saved_address(conn, me)?,
        tickets: tickets(conn, ctx, feedback)?,
        threads,
        replies,
        votes,
        poll_votes,
        survey_responses: surveys(conn, me)?,
        callbacks: callbacks::mine(conn, me)?,
        deletion_request: privacy::pending(conn, me)?,
    })
}
