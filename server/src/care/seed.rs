//! Demo care messages: the data is demo_care.json, the rules are here. Only in demo mode,
//! once (`care_seeded`), after the demo tickets (a ticket notice names its ticket by the
//! feedback demo's slug), with times relative to the seeding moment so a gift is still
//! claimable on any day.
//!
//! 张小明 (13800138000) has an unclaimed birthday gift, notices about his broadband fault
//! (answered) and billing enquiry (resolved) and last quarter's report; 王秀英
//! (13900139000) her network anniversary and a Mid-Autumn greeting.

use care_contract::care::{last_full_quarter, CareParams, MessageKind};
use care_contract::time::{china_date, china_midnight};
use chrono::{Days, NaiveDate};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use super::config::CareConfig;
use super::moments::whole_years;
use crate::db::{Db, DbError};
use crate::feedback::seed::demo_feedback;
use crate::mall::clock::from_ms;
use crate::mall::Clock;
use crate::BoxError;

const DEMO_CARE_JSON: &str = include_str!("demo_care.json");

/// A feedback demo ticket: slug, owner's phone, description.
type DemoTicket = (String, String, String);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCare {
    pub messages: Vec<SeedMessage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedMessage {
    pub slug: String,
    /// The subscriber's phone.
    pub owner: String,
    pub kind: MessageKind,
    #[serde(default)]
    pub params: CareParams,
    /// A ticket notice's ticket: its slug in the feedback demo.
    #[serde(default)]
    pub ticket: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    pub minutes_ago: i64,
    pub read: bool,
    #[serde(default)]
    pub gift_points: Option<i64>,
}

pub fn demo_care() -> Result<DemoCare, serde_json::Error> {
    serde_json::from_str(DEMO_CARE_JSON)
}

/// Seeds the demo messages if they are not there yet.
pub async fn seed_demo(db: &Db, clock: &Clock, cfg: &CareConfig) -> Result<(), BoxError> {
    let data = demo_care()?;
    // Each demo ticket's slug, owner and description (how its row is found).
    let tickets: Vec<DemoTicket> = demo_feedback()?
        .tickets
        .into_iter()
        .map(|t| (t.slug, t.owner, t.description))
        .collect();
    let now = clock.now_ms();
    let claim_days = cfg.gift_claim_days;
    let seeded = db
        .write(move |tx| seed_in(tx, &data, &tickets, now, claim_days))
        .await?;
    if seeded {
        tracing::info!(
            messages = demo_care()?.messages.len(),
            "demo care messages seeded"
        );
    }
    Ok(())
}

fn seed_in(
    tx: &Transaction<'_>,
    data: &DemoCare,
    tickets: &[DemoTicket],
    now: i64,
    claim_days: u32,
) -> Result<bool, DbError> {
    let done: Option<i64> = tx
        .query_row("SELECT seeded_at FROM care_seeded", [], |r| r.get(0))
        .optional()?;
    if done.is_some() {
        return Ok(false);
    }
    for m in &data.messages {
        let (owner, joined_on): (i64, NaiveDate) = tx.query_row(
            "SELECT id, joined_on FROM subscribers WHERE phone = ?1",
            [&m.owner],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let created = now - m.minutes_ago * 60_000;
        let day = china_date(from_ms(created));
        let mut params = m.params.clone();
        let mut link = m.link.clone();
        match m.kind {
            // The demo's gift is dated the day it was sent, so it is claimable whenever
            // the demo database is made.
            MessageKind::Birthday => params.on = Some(day),
            MessageKind::NetworkAnniversary => {
                params.years = u32::try_from(whole_years(joined_on, day)).ok();
            }
            MessageKind::QuarterlyReport => {
                let (year, quarter) = last_full_quarter(day);
                params.year = Some(year);
                params.quarter = Some(quarter);
                link = Some(format!("/care/report?year={year}&quarter={quarter}"));
            }
            _ => {}
        }
        if let Some(slug) = &m.ticket {
            let id = demo_ticket_id(tx, tickets, owner, slug)?;
            params.ticket_id = Some(id);
            link = Some(format!("/feedback/tickets/{id}"));
        }
        // A gift is claimable to the end of the window's last day after the birthday.
        let claim_by = m.gift_points.map(|_| {
            let last = day + Days::new(u64::from(claim_days) + 1);
            china_midnight(last).timestamp_millis() - 1
        });
        let params_json = serde_json::to_string(&params)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.execute(
            "INSERT INTO care_messages (subscriber_id, topic, kind, params, link, moment_key,
                 created_at, read_at, gift_points, gift_claim_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                owner,
                m.kind.topic().as_str(),
                m.kind.as_str(),
                params_json,
                link,
                format!("demo:{}", m.slug),
                created,
                m.read.then_some(created + 60_000),
                m.gift_points,
                claim_by,
            ],
        )?;
    }
    tx.execute(
        "INSERT INTO care_seeded (id, seeded_at) VALUES (1, ?1)",
        [now],
    )?;
    Ok(true)
}

/// The id of the feedback demo's ticket `slug` of `owner` (found by its description; an
/// unknown slug finds no row, which the test below rules out).
fn demo_ticket_id(
    tx: &Transaction<'_>,
    tickets: &[DemoTicket],
    owner: i64,
    slug: &str,
) -> Result<i64, DbError> {
    let description = tickets
        .iter()
        .find(|(s, _, _)| s == slug)
        .map(|(_, _, d)| d.as_str())
        .unwrap_or_default();
    Ok(tx.query_row(
        "SELECT id FROM feedback_tickets WHERE subscriber_id = ?1 AND description = ?2",
        params![owner, description],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_messages_name_demo_subscribers_tickets_and_one_gift() {
        let data = demo_care().unwrap();
        let tickets = demo_feedback().unwrap().tickets;
        for m in &data.messages {
            assert!(
                ["13800138000", "13900139000"].contains(&m.owner.as_str()),
                "{}",
                m.slug
            );
            if let Some(slug) = &m.ticket {
                let t = tickets
                    .iter()
                    .find(|t| &t.slug == slug)
                    .expect("a demo ticket");
                assert_eq!(t.owner, m.owner, "{}", m.slug);
            }
        }
        let gifts: Vec<&SeedMessage> = data
            .messages
            .iter()
            .filter(|m| m.gift_points.is_some())
            .collect();
        assert_eq!(gifts.len(), 1);
        assert!(!gifts[0].read);
        assert_eq!(gifts[0].kind, MessageKind::Birthday);
        let slugs: std::collections::HashSet<&str> =
            data.messages.iter().map(|m| m.slug.as_str()).collect();
        assert_eq!(slugs.len(), data.messages.len(), "each slug once");
    }
}
