//! Each subscriber's say over each topic: a row only for a topic they changed, the
//! contract's default otherwise (so offers stay off until they opt in).

use care_contract::care::{default_preference, Topic, TopicPreference};
use rusqlite::{params, Connection, OptionalExtension};

use crate::store::StoreError;

/// The subscriber's preference for one topic.
pub fn for_topic(
    conn: &Connection,
    subscriber_id: i64,
    topic: Topic,
) -> Result<TopicPreference, StoreError> {
    let row: Option<(bool, u32)> = conn
        .prepare_cached(
            "SELECT enabled, max_per_week FROM care_preferences
             WHERE subscriber_id = ?1 AND topic = ?2",
        )?
        .query_row(params![subscriber_id, topic.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(match row {
        Some((enabled, max_per_week)) => TopicPreference {
            topic,
            enabled,
            max_per_week,
        },
        None => default_preference(topic),
    })
}

/// Every topic's preference, in `Topic::ALL` order.
pub fn all(conn: &Connection, subscriber_id: i64) -> Result<Vec<TopicPreference>, StoreError> {
    Topic::ALL
        .iter()
        .map(|t| for_topic(conn, subscriber_id, *t))
        .collect()
}

/// Saves the topics given (checked by the contract first); the others stay as they were.
pub fn set(
    conn: &Connection,
    subscriber_id: i64,
    topics: &[TopicPreference],
) -> Result<(), StoreError> {
    for t in topics {
        conn.execute(
            "INSERT INTO care_preferences (subscriber_id, topic, enabled, max_per_week)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (subscriber_id, topic)
             DO UPDATE SET enabled = excluded.enabled, max_per_week = excluded.max_per_week",
            params![subscriber_id, t.topic.as_str(), t.enabled, t.max_per_week],
        )?;
    }
    Ok(())
}
