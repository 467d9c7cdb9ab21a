//! The rest of the app's notices, each a small call made inside the transaction of what
//! caused it (a reply, a best answer, an adopted idea, a staff step on a ticket), so the
//! notice exists exactly when its cause does. Each links to its page and is delivered
//! through [`deliver`] (topics, caps, once per key).

use care_contract::care::{CareParams, MessageKind};
use rusqlite::{Connection, OptionalExtension};

use super::deliver::{deliver, Notice};
use crate::store::StoreError;

fn thread_link(thread_id: i64) -> Option<String> {
    Some(format!("/community/threads/{thread_id}"))
}

fn ticket_link(ticket_id: i64) -> Option<String> {
    Some(format!("/feedback/tickets/{ticket_id}"))
}

/// The thread's author and title.
fn thread(conn: &Connection, thread_id: i64) -> Result<(i64, String), StoreError> {
    conn.query_row(
        "SELECT author_id, title FROM community_threads WHERE id = ?1",
        [thread_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::Broken(
        "a notice about a thread that is not there",
    ))
}

fn thread_params(thread_id: i64, title: String) -> CareParams {
    CareParams {
        thread_id: Some(thread_id),
        title: Some(title),
        ..Default::default()
    }
}

/// Someone else replied (published) in `thread_id`: its author hears of it.
pub fn thread_replied(
    conn: &Connection,
    thread_id: i64,
    reply_id: i64,
    replier_id: i64,
    now_ms: i64,
) -> Result<(), StoreError> {
    let (author, title) = thread(conn, thread_id)?;
    if author == replier_id {
        return Ok(());
    }
    let notice = Notice {
        kind: MessageKind::ThreadReplied,
        params: thread_params(thread_id, title),
        link: thread_link(thread_id),
        key: format!("reply:{reply_id}"),
        gift: None,
    };
    deliver(conn, author, &notice, now_ms).map(drop)
}

/// A reply held for review was published: as [`thread_replied`] (once per reply, so a
/// reply hidden and restored is not announced again).
pub fn reply_published(conn: &Connection, reply_id: i64, now_ms: i64) -> Result<(), StoreError> {
    let (thread_id, author_id): (i64, i64) = conn.query_row(
        "SELECT thread_id, author_id FROM community_replies WHERE id = ?1",
        [reply_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    thread_replied(conn, thread_id, reply_id, author_id, now_ms)
}

/// The asker marked `reply_id` (by `answerer_id`) the best answer in `thread_id`.
pub fn answer_accepted(
    conn: &Connection,
    thread_id: i64,
    reply_id: i64,
    answerer_id: i64,
    now_ms: i64,
) -> Result<(), StoreError> {
    let (author, title) = thread(conn, thread_id)?;
    if author == answerer_id {
        return Ok(());
    }
    let notice = Notice {
        kind: MessageKind::AnswerAccepted,
        params: thread_params(thread_id, title),
        link: thread_link(thread_id),
        key: format!("best:{reply_id}"),
        gift: None,
    };
    deliver(conn, answerer_id, &notice, now_ms).map(drop)
}

/// Staff adopted `reply_id` (by `author_id`) in the idea call `thread_id` for `points`.
pub fn idea_adopted(
    conn: &Connection,
    thread_id: i64,
    reply_id: i64,
    author_id: i64,
    points: i64,
    now_ms: i64,
) -> Result<(), StoreError> {
    let (_, title) = thread(conn, thread_id)?;
    let notice = Notice {
        kind: MessageKind::IdeaAdopted,
        params: CareParams {
            points: Some(points),
            ..thread_params(thread_id, title)
        },
        link: thread_link(thread_id),
        key: format!("adopted:{reply_id}"),
        gift: None,
    };
    deliver(conn, author_id, &notice, now_ms).map(drop)
}

/// Staff answered, asked about or resolved `ticket_id` (the step just written to its
/// timeline): its subscriber hears of it, once per step.
pub fn ticket_progress(
    conn: &Connection,
    ticket_id: i64,
    kind: MessageKind,
    now_ms: i64,
) -> Result<(), StoreError> {
    let (owner, step): (i64, i64) = conn.query_row(
        "SELECT t.subscriber_id, (SELECT MAX(id) FROM feedback_events WHERE ticket_id = t.id)
         FROM feedback_tickets t WHERE t.id = ?1",
        [ticket_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let notice = Notice {
        kind,
        params: CareParams {
            ticket_id: Some(ticket_id),
            ..Default::default()
        },
        link: ticket_link(ticket_id),
        key: format!("ticket_step:{step}"),
        gift: None,
    };
    deliver(conn, owner, &notice, now_ms).map(drop)
}
