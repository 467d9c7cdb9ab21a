//! Tickets: opening one (exactly once per key), the subscriber's list, staff's queue, one
//! ticket in full, messages, withdrawal (and its undo) and staff's actions. Every change
//! appends a timeline event.

use care_contract::care::MessageKind;
use care_contract::community::excerpt;
use care_contract::feedback::{
    appeal_notice, deadlines, next_deadline, ActorRole, ContactMethod, ContactWindow, Deadlines,
    TicketCategory, TicketDetail, TicketEvent, TicketEventKind, TicketKind, TicketMessage,
    TicketStatus, TicketSummary,
};
use care_contract::phone::mask_phone;
use care_contract::undo::undo_open_until;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rules::{self, StaffAction, NEXT_DUE_SQL, OPEN_SQL};
use super::{offset, parse, photos, rating, Ctx};
use crate::idempotency::KeyedTable;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// A ticket's row, as `t` joined with its holder `h`.
const SELECT: &str = "SELECT t.id, t.subscriber_id, t.kind, t.category, t.description, t.status,
         t.high_risk, t.follow_up, t.number_concerned, t.contact_method, t.contact_window,
         h.nickname, t.created_at, t.updated_at, t.respond_by, t.resolve_by,
         t.withdrawn_at, t.status_before_withdrawal
     FROM feedback_tickets t LEFT JOIN subscribers h ON h.id = t.holder_id";

/// The facts of a ticket.
#[derive(Clone, Debug)]
pub struct TicketRow {
    pub id: i64,
    pub owner_id: i64,
    pub kind: TicketKind,
    pub category: TicketCategory,
    pub description: String,
    pub status: TicketStatus,
    pub high_risk: bool,
    pub follow_up: bool,
    pub number: String,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
    pub holder: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub respond_by: i64,
    pub resolve_by: i64,
    /// When it was withdrawn, and the status it had then (kept for the undo).
    pub withdrawn_at: Option<i64>,
    pub status_before_withdrawal: Option<TicketStatus>,
}

fn row(r: &Row<'_>) -> rusqlite::Result<TicketRow> {
    Ok(TicketRow {
        id: r.get(0)?,
        owner_id: r.get(1)?,
        kind: parse(2, &r.get::<_, String>(2)?)?,
        category: parse(3, &r.get::<_, String>(3)?)?,
        description: r.get(4)?,
        status: parse(5, &r.get::<_, String>(5)?)?,
        high_risk: r.get(6)?,
        follow_up: r.get(7)?,
        number: r.get(8)?,
        contact_method: parse(9, &r.get::<_, String>(9)?)?,
        contact_window: parse(10, &r.get::<_, String>(10)?)?,
        holder: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        respond_by: r.get(14)?,
        resolve_by: r.get(15)?,
        withdrawn_at: r.get(16)?,
        status_before_withdrawal: r
            .get::<_, Option<String>>(17)?
            .map(|s| parse(17, &s))
            .transpose()?,
    })
}

impl TicketRow {
    /// Until when the viewer may undo its withdrawal (its subscriber, within the window).
    fn undo_until(&self, ctx: &Ctx<'_>) -> Option<DateTime<Utc>> {
        let withdrawn_at = self.withdrawn_at.map(from_ms);
        let possible = ctx.viewer.is(self.owner_id)
            && rules::after_undo_withdrawal(
                self.status,
                withdrawn_at,
                self.status_before_withdrawal,
                from_ms(ctx.now_ms),
            )
            .is_ok();
        withdrawn_at.filter(|_| possible).map(undo_open_until)
    }

    fn deadlines(&self) -> Deadlines {
        Deadlines {
            respond_by: from_ms(self.respond_by),
            resolve_by: from_ms(self.resolve_by),
        }
    }

    /// The ticket as a list shows it at `ctx.now_ms`.
    pub fn summary(&self, ctx: &Ctx<'_>) -> TicketSummary {
        let now = from_ms(ctx.now_ms);
        let d = self.deadlines();
        TicketSummary {
            id: self.id,
            kind: self.kind,
            category: self.category,
            status: self.status,
            high_risk: self.high_risk,
            follow_up: self.follow_up,
            excerpt: excerpt(&self.description),
            created_at: from_ms(self.created_at),
            updated_at: from_ms(self.updated_at),
            holder: self.holder.clone(),
            respond_by: d.respond_by,
            resolve_by: d.resolve_by,
            next_deadline: next_deadline(self.status, &d, now),
            appeal_notice: appeal_notice(
                self.status,
                from_ms(self.created_at),
                now,
                &ctx.cfg.levels,
            ),
            number_concerned: mask_phone(&self.number),
        }
    }
}

/// The ticket, whoever asks.
fn load(conn: &Connection, id: i64) -> Result<Option<TicketRow>, StoreError> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], row)
        .optional()?)
}

/// The ticket if the viewer may see it (its subscriber or staff); `not_found` otherwise.
pub fn seen(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<TicketRow, StoreError> {
    match load(conn, id)? {
        Some(t) if rules::may_see(t.owner_id, &ctx.viewer) => Ok(t),
        _ => Err(StoreError::not_found()),
    }
}

/// One ticket in full as the viewer sees it.
pub fn detail(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<TicketDetail, StoreError> {
    let t = seen(conn, ctx, id)?;
    let s = t.summary(ctx);
    let photos = photos::of_ticket(conn, t.id)?;
    let messages = messages(conn, t.id)?;
    let timeline = timeline(conn, t.id)?;
    let rating = rating::latest(conn, t.id)?;
    let undo_until = t.undo_until(ctx);
    let mut can = rules::actions(t.status, t.owner_id, &ctx.viewer);
    can.can_undo_withdrawal = undo_until.is_some();
    Ok(TicketDetail {
        id: t.id,
        kind: t.kind,
        category: t.category,
        status: t.status,
        high_risk: t.high_risk,
        follow_up: t.follow_up,
        description: t.description.clone(),
        created_at: s.created_at,
        updated_at: s.updated_at,
        holder: s.holder,
        respond_by: s.respond_by,
        resolve_by: s.resolve_by,
        next_deadline: s.next_deadline,
        appeal_notice: s.appeal_notice,
        number_concerned: s.number_concerned,
        contact_method: t.contact_method,
        contact_window: t.contact_window,
        photos,
        messages,
        timeline,
        rating,
        withdrawn_at: t.withdrawn_at.map(from_ms),
        undo_until,
        can,
        now: from_ms(ctx.now_ms),
    })
}

fn messages(conn: &Connection, ticket_id: i64) -> Result<Vec<TicketMessage>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.author_role, s.nickname, m.text, m.created_at
         FROM feedback_messages m JOIN subscribers s ON s.id = m.author_id
         WHERE m.ticket_id = ?1 ORDER BY m.id",
    )?;
    let rows = stmt
        .query_map([ticket_id], |r| {
            let author: ActorRole = parse(1, &r.get::<_, String>(1)?)?;
            let name: String = r.get(2)?;
            Ok(TicketMessage {
                id: r.get(0)?,
                author,
                staff_name: (author == ActorRole::Staff).then_some(name),
                text: r.get(3)?,
                photos: Vec::new(),
                created_at: from_ms(r.get(4)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = rows;
    for m in &mut out {
        m.photos = photos::of_message(conn, m.id)?;
    }
    Ok(out)
}

fn timeline(conn: &Connection, ticket_id: i64) -> Result<Vec<TicketEvent>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.kind, e.at, e.actor, s.nickname, e.note
         FROM feedback_events e LEFT JOIN subscribers s ON s.id = e.staff_id
         WHERE e.ticket_id = ?1 ORDER BY e.id",
    )?;
    let events = stmt
        .query_map([ticket_id], |r| {
            Ok(TicketEvent {
                kind: parse(0, &r.get::<_, String>(0)?)?,
                at: from_ms(r.get(1)?),
                actor: parse(2, &r.get::<_, String>(2)?)?,
                staff_name: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(events)
}

/// Appends a timeline event and marks the ticket changed.
pub fn event(
    conn: &Connection,
    ticket_id: i64,
    kind: TicketEventKind,
    actor: ActorRole,
    staff_id: Option<i64>,
    note: Option<&str>,
    at: i64,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO feedback_events (ticket_id, kind, actor, staff_id, note, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![ticket_id, kind.as_str(), actor.as_str(), staff_id, note, at],
    )?;
    conn.execute(
        "UPDATE feedback_tickets SET updated_at = ?2 WHERE id = ?1",
        params![ticket_id, at],
    )?;
    Ok(())
}

fn set_status(conn: &Connection, id: i64, status: TicketStatus) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE feedback_tickets SET status = ?2 WHERE id = ?1",
        params![id, status.as_str()],
    )?;
    Ok(())
}

/// A page of `where_sql`'s tickets in `order_sql`, and how many there are.
fn page_of(
    conn: &Connection,
    ctx: &Ctx<'_>,
    where_sql: &str,
    order_sql: &str,
    owner: Option<i64>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<TicketSummary>, u64), StoreError> {
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM feedback_tickets t WHERE {where_sql}"),
        rusqlite::named_params! { ":owner": owner },
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE {where_sql} ORDER BY {order_sql} LIMIT :limit OFFSET :offset"
    ))?;
    let rows = stmt
        .query_map(
            rusqlite::named_params! {
                ":owner": owner,
                ":limit": i64::from(per_page),
                ":offset": offset(page, per_page),
            },
            row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((rows.iter().map(|t| t.summary(ctx)).collect(), total as u64))
}

/// The subscriber's tickets, newest first.
pub fn mine(
    conn: &Connection,
    ctx: &Ctx<'_>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<TicketSummary>, u64), StoreError> {
    let me = ctx.member()?;
    page_of(
        conn,
        ctx,
        "t.subscriber_id = :owner",
        "t.created_at DESC, t.id DESC",
        Some(me),
        page,
        per_page,
    )
}

/// Staff's queue: open tickets by their next deadline (so overdue ones first), those
/// without one (waiting for the customer) last.
pub fn queue(
    conn: &Connection,
    ctx: &Ctx<'_>,
    page: u32,
    per_page: u32,
) -> Result<(Vec<TicketSummary>, u64), StoreError> {
    ctx.staff()?;
    page_of(
        conn,
        ctx,
        &format!("{OPEN_SQL} AND :owner IS NULL"),
        &format!("({NEXT_DUE_SQL}) IS NULL, {NEXT_DUE_SQL}, t.id"),
        None,
        page,
        per_page,
    )
}

/// A new ticket, checked by the handler.
pub struct NewTicket {
    pub kind: TicketKind,
    pub category: TicketCategory,
    pub description: String,
    pub high_risk: bool,
    pub photo_ids: Vec<i64>,
    /// The 11 digits; `None` for the subscriber's own number.
    pub number: Option<String>,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
    pub key: String,
    pub fingerprint: String,
}

const TICKETS: KeyedTable = KeyedTable {
    table: "feedback_tickets",
    owner_column: "subscriber_id",
};

/// Opens a ticket (or finds the one this key opened): its id, and whether it was earlier.
pub fn create(conn: &Connection, ctx: &Ctx<'_>, new: NewTicket) -> Result<(i64, bool), StoreError> {
    let me = ctx.member()?;
    if let Some(id) = TICKETS.earlier(conn, me, &new.key, &new.fingerprint)? {
        return Ok((id, true));
    }
    let number = match new.number {
        Some(n) => n,
        None => conn.query_row("SELECT phone FROM subscribers WHERE id = ?1", [me], |r| {
            r.get(0)
        })?,
    };
    let high_risk = care_contract::feedback::is_high_risk(new.category, new.high_risk);
    let now = ctx.now_ms;
    let d = deadlines(from_ms(now), high_risk, false, &ctx.cfg.levels);
    conn.execute(
        "INSERT INTO feedback_tickets (subscriber_id, kind, category, description, status,
             high_risk, number_concerned, contact_method, contact_window, created_at,
             updated_at, respond_by, resolve_by, idempotency_key, fingerprint)
         VALUES (?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13)",
        params![
            me,
            new.kind.as_str(),
            new.category.as_str(),
            new.description,
            high_risk,
            number,
            new.contact_method.as_str(),
            new.contact_window.as_str(),
            now,
            d.respond_by.timestamp_millis(),
            d.resolve_by.timestamp_millis(),
            new.key,
            new.fingerprint,
        ],
    )?;
    let id = conn.last_insert_rowid();
    photos::attach(conn, me, &new.photo_ids, id, None)?;
    event(
        conn,
        id,
        TicketEventKind::Submitted,
        ActorRole::Customer,
        None,
        None,
        now,
    )?;
    Ok((id, false))
}

/// A customer's message, checked by the handler.
pub struct NewMessage {
    pub ticket_id: i64,
    pub text: Option<String>,
    pub photo_ids: Vec<i64>,
    pub key: String,
    pub fingerprint: String,
}

const MESSAGES: KeyedTable = KeyedTable {
    table: "feedback_messages",
    owner_column: "author_id",
};

/// The subscriber writes on their ticket (or the key had written it): the message's id,
/// and whether it was earlier.
pub fn post_message(
    conn: &Connection,
    ctx: &Ctx<'_>,
    new: NewMessage,
) -> Result<(i64, bool), StoreError> {
    let me = ctx.member()?;
    let t = seen(conn, ctx, new.ticket_id)?;
    if t.owner_id != me {
        // Staff write through their own routes.
        return Err(StoreError::not_found());
    }
    if let Some(id) = MESSAGES.earlier(conn, me, &new.key, &new.fingerprint)? {
        return Ok((id, true));
    }
    let next = rules::after_customer_message(t.status)?;
    let now = ctx.now_ms;
    conn.execute(
        "INSERT INTO feedback_messages (ticket_id, author_id, author_role, text, created_at,
             idempotency_key, fingerprint)
         VALUES (?1, ?2, 'customer', ?3, ?4, ?5, ?6)",
        params![t.id, me, new.text, now, new.key, new.fingerprint],
    )?;
    let message_id = conn.last_insert_rowid();
    photos::attach(conn, me, &new.photo_ids, t.id, Some(message_id))?;
    set_status(conn, t.id, next)?;
    event(
        conn,
        t.id,
        TicketEventKind::CustomerReplied,
        ActorRole::Customer,
        None,
        None,
        now,
    )?;
    Ok((message_id, false))
}

/// The subscriber withdraws their open ticket.
pub fn withdraw(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<(), StoreError> {
    let me = ctx.member()?;
    let t = seen(conn, ctx, id)?;
    if t.owner_id != me {
        return Err(StoreError::not_found());
    }
    let next = rules::after_withdraw(t.status)?;
    set_status(conn, id, next)?;
    conn.execute(
        "UPDATE feedback_tickets SET withdrawn_at = ?2, status_before_withdrawal = ?3
         WHERE id = ?1",
        params![id, ctx.now_ms, t.status.as_str()],
    )?;
    event(
        conn,
        id,
        TicketEventKind::Withdrawn,
        ActorRole::Customer,
        None,
        None,
        ctx.now_ms,
    )
}

/// The subscriber undoes their withdrawal within the window: the ticket is back in the
/// status it had (its deadlines never moved, so they stand as they were).
pub fn undo_withdraw(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<(), StoreError> {
    let me = ctx.member()?;
    let t = seen(conn, ctx, id)?;
    if t.owner_id != me {
        return Err(StoreError::not_found());
    }
    let back = rules::after_undo_withdrawal(
        t.status,
        t.withdrawn_at.map(from_ms),
        t.status_before_withdrawal,
        from_ms(ctx.now_ms),
    )?;
    conn.execute(
        "UPDATE feedback_tickets SET status = ?2, withdrawn_at = NULL,
             status_before_withdrawal = NULL
         WHERE id = ?1",
        params![id, back.as_str()],
    )?;
    event(
        conn,
        id,
        TicketEventKind::WithdrawalUndone,
        ActorRole::Customer,
        None,
        None,
        ctx.now_ms,
    )
}

/// Staff act on a ticket: accept it (they hold it), reply, ask the customer (`text`) or
/// resolve it (`text` is the note). Resolving answers the new quick-rating token.
pub fn staff_act(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    action: StaffAction,
    text: Option<&str>,
) -> Result<Option<String>, StoreError> {
    let staff = ctx.staff()?;
    let t = seen(conn, ctx, id)?;
    let next = rules::after_staff(action, t.status)?;
    let now = ctx.now_ms;
    set_status(conn, id, next)?;
    let mut token = None;
    let kind = match action {
        StaffAction::Accept => {
            conn.execute(
                "UPDATE feedback_tickets SET holder_id = ?2 WHERE id = ?1",
                params![id, staff],
            )?;
            TicketEventKind::Accepted
        }
        StaffAction::Reply | StaffAction::Ask => {
            conn.execute(
                "INSERT INTO feedback_messages (ticket_id, author_id, author_role, text, created_at)
                 VALUES (?1, ?2, 'staff', ?3, ?4)",
                params![id, staff, text, now],
            )?;
            if action == StaffAction::Reply {
                TicketEventKind::Replied
            } else {
                TicketEventKind::AskedCustomer
            }
        }
        StaffAction::Resolve => {
            token = Some(rating::new_token(conn, id, now)?);
            TicketEventKind::Resolved
        }
    };
    let note = if action == StaffAction::Resolve {
        text
    } else {
        None
    };
    event(conn, id, kind, ActorRole::Staff, Some(staff), note, now)?;
    // The customer hears of every step but the acceptance (which asks nothing of them).
    let notice = match action {
        StaffAction::Accept => None,
        StaffAction::Reply => Some(MessageKind::TicketAnswered),
        StaffAction::Ask => Some(MessageKind::TicketNeedsInfo),
        StaffAction::Resolve => Some(MessageKind::TicketResolved),
    };
    if let Some(kind) = notice {
        crate::care::store::notices::ticket_progress(conn, id, kind, now)?;
    }
    Ok(token)
}
