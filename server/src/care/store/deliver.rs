//! The one way a message reaches a subscriber's inbox: once per (subscriber, key), only
//! while its topic is on, and only under the topic's weekly cap. Moments are delivered
//! lazily when the subscriber opens home or the inbox; the app's notices as they happen,
//! in the transaction of what caused them.

use care_contract::care::{CareParams, MessageKind, Topic};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::preferences;
use crate::care::config::CareConfig;
use crate::care::moments::{due_moments, DueMoment};
use crate::store::StoreError;

/// Seven days, the cap's window.
const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// A message to deliver.
#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: MessageKind,
    pub params: CareParams,
    /// The app's page it is about.
    pub link: Option<String>,
    /// Delivered once per subscriber and key.
    pub key: String,
    /// Points, and the last instant (Unix ms) to claim them.
    pub gift: Option<(i64, i64)>,
}

/// What delivery did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// In the inbox now (`fresh`: by this call).
    Delivered { id: i64, fresh: bool },
    /// The subscriber switched the topic off.
    TopicOff,
    /// The topic's weekly cap is reached.
    Capped,
}

impl Delivery {
    pub fn message_id(self) -> Option<i64> {
        match self {
            Delivery::Delivered { id, .. } => Some(id),
            Delivery::TopicOff | Delivery::Capped => None,
        }
    }
}

/// Delivers `notice` to `subscriber_id` at `now_ms`. Needs a write transaction.
pub fn deliver(
    conn: &Connection,
    subscriber_id: i64,
    notice: &Notice,
    now_ms: i64,
) -> Result<Delivery, StoreError> {
    let earlier: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM care_messages WHERE subscriber_id = ?1 AND moment_key = ?2",
        )?
        .query_row(params![subscriber_id, notice.key], |r| r.get(0))
        .optional()?;
    if let Some(id) = earlier {
        return Ok(Delivery::Delivered { id, fresh: false });
    }
    let topic: Topic = notice.kind.topic();
    let pref = preferences::for_topic(conn, subscriber_id, topic)?;
    if !pref.enabled {
        return Ok(Delivery::TopicOff);
    }
    let this_week: u32 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM care_messages
             WHERE subscriber_id = ?1 AND topic = ?2 AND created_at > ?3",
        )?
        .query_row(
            params![subscriber_id, topic.as_str(), now_ms - WEEK_MS],
            |r| r.get(0),
        )?;
    if this_week >= pref.max_per_week {
        return Ok(Delivery::Capped);
    }
    let params_json =
        serde_json::to_string(&notice.params).map_err(|_| StoreError::Broken("care params"))?;
    conn.execute(
        "INSERT INTO care_messages (subscriber_id, topic, kind, params, link, moment_key,
             created_at, gift_points, gift_claim_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            subscriber_id,
            topic.as_str(),
            notice.kind.as_str(),
            params_json,
            notice.link,
            notice.key,
            now_ms,
            notice.gift.map(|g| g.0),
            notice.gift.map(|g| g.1),
        ],
    )?;
    Ok(Delivery::Delivered {
        id: conn.last_insert_rowid(),
        fresh: true,
    })
}

/// The app's page for a moment.
fn moment_link(m: &DueMoment) -> Option<String> {
    match (m.kind, m.params.year, m.params.quarter) {
        (MessageKind::QuarterlyReport, Some(y), Some(q)) => {
            Some(format!("/care/report?year={y}&quarter={q}"))
        }
        (MessageKind::Birthday | MessageKind::NewUserGuide, _, _) => Some("/care".to_owned()),
        _ => None,
    }
}

/// Delivers the moments due at `now` (each once), and answers each with what delivery did.
pub fn deliver_moments(
    conn: &Connection,
    subscriber_id: i64,
    now: DateTime<Utc>,
    cfg: &CareConfig,
) -> Result<Vec<(DueMoment, Delivery)>, StoreError> {
    let (profile, _) = super::profile(conn, subscriber_id)?;
    due_moments(&profile, now, cfg)
        .into_iter()
        .map(|m| {
            let notice = Notice {
                kind: m.kind,
                params: m.params.clone(),
                link: moment_link(&m),
                key: m.key.clone(),
                gift: m.gift.map(|(points, by)| (points, by.timestamp_millis())),
            };
            let done = deliver(conn, subscriber_id, &notice, now.timestamp_millis())?;
            Ok((m, done))
        })
        .collect()
}
