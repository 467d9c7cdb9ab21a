//! Demo tickets: the data is demo_feedback.json, the steps are played here. Only in demo
//! mode, once (`feedback_seeded`), with times relative to the seeding moment so deadlines
//! read right on any day. Owners are demo subscribers of `crate::seed`; every staff step is
//! 客服小翼's (13300133000).
//!
//! 张小明 (13800138000, code 246810) has a broadband fault in progress, a billing enquiry
//! resolved and awaiting his rating, a closed suggestion he rated, and a high-risk
//! complaint just accepted; 王秀英 asks about her daughter's plan (overdue in the queue).
//! The billing enquiry's quick-rating link is [`DEMO_RATE_LINK`], logged at start.

use care_contract::feedback::{
    deadlines, is_high_risk, rating_outcome, ActorRole, ContactMethod, ContactWindow,
    RatingOutcome, TicketCategory, TicketEventKind, TicketKind, TicketStatus,
};
use chrono::Duration;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use super::store::rating::record_token;
use super::FeedbackConfig;
use crate::db::{Db, DbError};
use crate::mall::Clock;
use crate::BoxError;

/// The staff member of every staff step.
pub const DEMO_STAFF: &str = "13300133000";
/// The billing enquiry's quick-rating link (a demo token: known, so it can be shown).
pub const DEMO_RATE_LINK: &str = "/rate/demo-rate-link-for-the-billing-enquiry-0001";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFeedback {
    pub tickets: Vec<SeedTicket>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedTicket {
    pub slug: String,
    /// The subscriber's phone.
    pub owner: String,
    pub kind: TicketKind,
    pub category: TicketCategory,
    pub description: String,
    #[serde(default)]
    pub high_risk: bool,
    #[serde(default)]
    pub number_concerned: Option<String>,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
    pub minutes_ago: i64,
    /// Where the steps leave it.
    pub status: TicketStatus,
    /// The quick-rating token its resolution made.
    #[serde(default)]
    pub rate_token: Option<String>,
    pub steps: Vec<SeedStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedStep {
    pub after_minutes: i64,
    pub kind: TicketEventKind,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub rating: Option<SeedRating>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRating {
    pub satisfaction: u8,
    pub recommend: u8,
    pub solved: bool,
    #[serde(default)]
    pub comment: Option<String>,
}

const DEMO_FEEDBACK_JSON: &str = include_str!("demo_feedback.json");

/// The demo tickets, read from the JSON built into the binary.
pub fn demo_feedback() -> Result<DemoFeedback, serde_json::Error> {
    serde_json::from_str(DEMO_FEEDBACK_JSON)
}

/// Seeds the demo tickets if they are not there yet.
pub async fn seed_demo(db: &Db, clock: &Clock, cfg: &FeedbackConfig) -> Result<(), BoxError> {
    let data = demo_feedback()?;
    let now = clock.now_ms();
    let cfg = *cfg;
    let seeded = db.write(move |tx| seed_in(tx, &data, now, &cfg)).await?;
    if seeded {
        tracing::info!(
            tickets = demo_feedback()?.tickets.len(),
            "demo tickets seeded"
        );
    }
    tracing::info!(link = DEMO_RATE_LINK, "demo quick-rating link");
    Ok(())
}

fn id_of(tx: &Transaction<'_>, phone: &str) -> Result<i64, DbError> {
    Ok(tx.query_row(
        "SELECT id FROM subscribers WHERE phone = ?1",
        [phone],
        |r| r.get(0),
    )?)
}

fn seed_in(
    tx: &Transaction<'_>,
    data: &DemoFeedback,
    now: i64,
    cfg: &FeedbackConfig,
) -> Result<bool, DbError> {
    let done: Option<i64> = tx
        .query_row("SELECT seeded_at FROM feedback_seeded", [], |r| r.get(0))
        .optional()?;
    if done.is_some() {
        return Ok(false);
    }
    let staff = id_of(tx, DEMO_STAFF)?;
    for t in &data.tickets {
        let owner = id_of(tx, &t.owner)?;
        let created = now - t.minutes_ago * 60_000;
        let high_risk = is_high_risk(t.category, t.high_risk);
        let d = deadlines(
            crate::mall::clock::from_ms(created),
            high_risk,
            false,
            &cfg.levels,
        );
        let number = t
            .number_concerned
            .clone()
            .unwrap_or_else(|| t.owner.clone());
        tx.execute(
            "INSERT INTO feedback_tickets (subscriber_id, kind, category, description, status,
                 high_risk, number_concerned, contact_method, contact_window, created_at,
                 updated_at, respond_by, resolve_by, idempotency_key, fingerprint)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, '{}')",
            params![
                owner,
                t.kind.as_str(),
                t.category.as_str(),
                t.description,
                t.status.as_str(),
                high_risk,
                number,
                t.contact_method.as_str(),
                t.contact_window.as_str(),
                created,
                d.respond_by.timestamp_millis(),
                d.resolve_by.timestamp_millis(),
                format!("demo-ticket-{}", t.slug),
            ],
        )?;
        let id = tx.last_insert_rowid();
        let event = |kind: TicketEventKind,
                     actor: ActorRole,
                     note: Option<&str>,
                     at: i64|
         -> Result<(), DbError> {
            let staff_id = (actor == ActorRole::Staff).then_some(staff);
            tx.execute(
                "INSERT INTO feedback_events (ticket_id, kind, actor, staff_id, note, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, kind.as_str(), actor.as_str(), staff_id, note, at],
            )?;
            tx.execute(
                "UPDATE feedback_tickets SET updated_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            Ok(())
        };
        event(
            TicketEventKind::Submitted,
            ActorRole::Customer,
            None,
            created,
        )?;
        for step in &t.steps {
            let at = created + Duration::minutes(step.after_minutes).num_milliseconds();
            match step.kind {
                TicketEventKind::Accepted => {
                    tx.execute(
                        "UPDATE feedback_tickets SET holder_id = ?2 WHERE id = ?1",
                        params![id, staff],
                    )?;
                    event(step.kind, ActorRole::Staff, None, at)?;
                }
                TicketEventKind::Replied
                | TicketEventKind::AskedCustomer
                | TicketEventKind::CustomerReplied => {
                    let (author, role) = if step.kind == TicketEventKind::CustomerReplied {
                        (owner, ActorRole::Customer)
                    } else {
                        (staff, ActorRole::Staff)
                    };
                    tx.execute(
                        "INSERT INTO feedback_messages (ticket_id, author_id, author_role, text,
                             created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, author, role.as_str(), step.text, at],
                    )?;
                    event(step.kind, role, None, at)?;
                }
                TicketEventKind::Resolved => {
                    if let Some(token) = &t.rate_token {
                        record_token(tx, id, token, at).map_err(|_| {
                            DbError::Task("cannot record the demo rating link".into())
                        })?;
                    }
                    event(step.kind, ActorRole::Staff, step.note.as_deref(), at)?;
                }
                TicketEventKind::Rated => {
                    let r = step.rating.as_ref().expect("a rated step has a rating");
                    let outcome = rating_outcome(r.satisfaction, r.solved);
                    tx.execute(
                        "INSERT INTO feedback_ratings (ticket_id, source, satisfaction,
                             recommend, solved, comment, outcome, rated_at)
                         VALUES (?1, 'app', ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            id,
                            r.satisfaction,
                            r.recommend,
                            r.solved,
                            r.comment,
                            outcome.as_str(),
                            at
                        ],
                    )?;
                    event(step.kind, ActorRole::Customer, r.comment.as_deref(), at)?;
                    let closing = if outcome == RatingOutcome::Closed {
                        TicketEventKind::Closed
                    } else {
                        TicketEventKind::Reopened
                    };
                    event(closing, ActorRole::Customer, None, at)?;
                }
                other => {
                    event(other, ActorRole::Customer, step.note.as_deref(), at)?;
                }
            }
        }
    }
    tx.execute(
        "INSERT INTO feedback_seeded (id, seeded_at) VALUES (1, ?1)",
        [now],
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::feedback::description;

    #[test]
    fn the_demo_tickets_keep_the_contracts_rules() {
        let data = demo_feedback().unwrap();
        assert_eq!(data.tickets.len(), 5);
        for t in &data.tickets {
            assert!(t.kind.allows(t.category), "{}", t.slug);
            assert!(description(&t.description).is_ok(), "{}", t.slug);
            if let Some(token) = &t.rate_token {
                assert!(super::super::store::rating::is_well_formed(token));
                assert_eq!(DEMO_RATE_LINK, format!("/rate/{token}"));
                assert_eq!(t.status, TicketStatus::Resolved);
            }
        }
    }
}
