//! "Me"'s demo data, seeded only in demo mode after the demo subscribers (`crate::seed`):
//! their value scores (consistent with their star levels), more family contacts for
//! 王秀英 (an elderly subscriber: her son and the home line) and one callback request an
//! agent has answered. Seeded once: the demo callback request marks it done.

use care_contract::feedback::ContactWindow;
use chrono::Days;
use rusqlite::{params, Transaction};

use crate::db::{Db, DbError};
use crate::mall::Clock;

/// Each demo subscriber's value score; `seed::SUBSCRIBERS` has their star levels.
pub const SCORES: &[(&str, u8)] = &[
    ("13800138000", 84),
    ("13900139000", 92),
    ("13600136000", 55),
    ("13300133000", 97),
    ("13500135000", 63),
];

const WANG: &str = "13900139000";
const STAFF: &str = "13300133000";

/// 王秀英's contacts besides her daughter (seeded with the subscribers).
pub const WANG_FAMILY: &[(&str, &str)] = &[("儿子", "13700137002"), ("家里座机", "01066886688")];

/// The key of the demo callback request (its presence means "seeded").
const DEMO_CALLBACK_KEY: &str = "demo-callback-wang-0001";

pub async fn seed_demo(db: &Db, clock: &Clock) -> Result<(), DbError> {
    let now = clock.now_ms();
    let today = clock.today();
    db.write(move |tx| seed_in(tx, now, today)).await
}

fn id_of(tx: &Transaction<'_>, phone: &str) -> rusqlite::Result<i64> {
    tx.query_row(
        "SELECT id FROM subscribers WHERE phone = ?1",
        [phone],
        |r| r.get(0),
    )
}

fn seed_in(tx: &Transaction<'_>, now: i64, today: chrono::NaiveDate) -> Result<(), DbError> {
    let seeded: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM callback_requests WHERE idempotency_key = ?1)",
        [DEMO_CALLBACK_KEY],
        |r| r.get(0),
    )?;
    if seeded {
        return Ok(());
    }
    for (phone, score) in SCORES {
        tx.execute(
            "UPDATE subscribers SET value_score = ?1 WHERE phone = ?2",
            params![score, phone],
        )?;
    }
    let wang = id_of(tx, WANG)?;
    for (name, phone) in WANG_FAMILY {
        tx.execute(
            "INSERT INTO family_contacts (subscriber_id, name, phone) VALUES (?1, ?2, ?3)
             ON CONFLICT (subscriber_id, phone) DO NOTHING",
            params![wang, name, phone],
        )?;
    }
    // Ten days ago she asked for a morning call about her plan; an agent called her.
    let day = today - Days::new(10);
    let asked = now - 11 * 24 * 3_600_000;
    let called = now - 10 * 24 * 3_600_000;
    tx.execute(
        "INSERT INTO callback_requests (subscriber_id, day, contact_window, phone, note, status,
             created_at, closed_at, closed_by, idempotency_key, fingerprint)
         VALUES (?1, ?2, ?3, ?4, ?5, 'called', ?6, ?7, ?8, ?9, 'demo')",
        params![
            wang,
            day,
            ContactWindow::Morning.as_str(),
            WANG,
            "想问问套餐能不能换成老年卡",
            asked,
            called,
            id_of(tx, STAFF)?,
            DEMO_CALLBACK_KEY
        ],
    )?;
    tracing::info!("demo tiers, family contacts and callback seeded");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::SUBSCRIBERS;
    use care_contract::me::{contact_phone, star_for_score};

    #[test]
    fn every_demo_score_reaches_its_subscribers_star_level() {
        assert_eq!(SCORES.len(), SUBSCRIBERS.len());
        for s in SUBSCRIBERS {
            let score = SCORES
                .iter()
                .find(|(p, _)| *p == s.phone)
                .expect("a score")
                .1;
            assert_eq!(star_for_score(score), s.star_level, "{}", s.phone);
        }
    }

    #[test]
    fn the_demo_contacts_are_valid_numbers() {
        for (_, phone) in WANG_FAMILY {
            assert_eq!(contact_phone(phone).as_deref(), Ok(*phone));
        }
    }
}
