//! Demo data, seeded only in demo mode. Idempotent: subscribers are keyed by phone and
//! family contacts by (subscriber, phone), so seeding twice changes nothing.

use care_contract::time::china_date;
use chrono::{Days, NaiveDate};
use rusqlite::{params, Transaction};

use crate::db::{now_ms, Db, DbError};

pub struct SeedSubscriber {
    pub phone: &'static str,
    pub nickname: &'static str,
    pub joined: Joined,
    pub birthday: Option<(i32, u32, u32)>,
    pub star_level: u8,
    pub is_staff: bool,
    /// Real-name verified (gates points redemption).
    pub verified: bool,
    /// An overdue bill (gates points redemption).
    pub in_arrears: bool,
    pub family: &'static [(&'static str, &'static str)],
}

/// When a seeded subscriber joined: a fixed date, or relative to the seeding day (so a
/// "new user" stays new whenever the demo database is created).
pub enum Joined {
    On(i32, u32, u32),
    DaysAgo(u64),
}

pub const SUBSCRIBERS: &[SeedSubscriber] = &[
    SeedSubscriber {
        phone: "13800138000",
        nickname: "张小明",
        joined: Joined::On(2019, 3, 12),
        birthday: Some((1988, 6, 18)),
        star_level: 5,
        is_staff: false,
        verified: true,
        in_arrears: false,
        family: &[],
    },
    SeedSubscriber {
        phone: "13900139000",
        nickname: "王秀英",
        joined: Joined::On(2003, 9, 1),
        birthday: Some((1956, 10, 9)),
        star_level: 6,
        is_staff: false,
        verified: true,
        in_arrears: false,
        family: &[("女儿", "13700137000")],
    },
    SeedSubscriber {
        phone: "13600136000",
        nickname: "李华",
        joined: Joined::DaysAgo(60),
        birthday: Some((1999, 2, 3)),
        star_level: 2,
        is_staff: false,
        verified: true,
        in_arrears: false,
        family: &[],
    },
    SeedSubscriber {
        phone: "13300133000",
        nickname: "客服小翼",
        joined: Joined::On(2015, 7, 1),
        birthday: None,
        star_level: 7,
        is_staff: true,
        verified: true,
        in_arrears: false,
        family: &[],
    },
    // Long-standing, but the bill is overdue: the mall tells him he cannot redeem yet.
    SeedSubscriber {
        phone: "13500135000",
        nickname: "陈建国",
        joined: Joined::On(2012, 5, 20),
        birthday: Some((1970, 11, 2)),
        star_level: 3,
        is_staff: false,
        verified: true,
        in_arrears: true,
        family: &[],
    },
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid seed date")
}

/// Inserts whatever of the demo data is missing.
pub async fn seed_demo(db: &Db) -> Result<(), DbError> {
    db.write(|tx| seed_in(tx, china_date(chrono::Utc::now())))
        .await
}

fn seed_in(tx: &Transaction<'_>, today: NaiveDate) -> Result<(), DbError> {
    let now = now_ms();
    for s in SUBSCRIBERS {
        let joined_on = match s.joined {
            Joined::On(y, m, d) => date(y, m, d),
            Joined::DaysAgo(days) => today - Days::new(days),
        };
        let birthday = s.birthday.map(|(y, m, d)| date(y, m, d));
        // Demo subscribers have used the app since they joined: none of them is new, so the
        // new-user guide (its first 72 hours) is not theirs.
        let created_at = care_contract::time::china_midnight(joined_on)
            .timestamp_millis()
            .min(now);
        tx.execute(
            "INSERT INTO subscribers (phone, nickname, joined_on, birthday, star_level, is_staff,
                 verified, in_arrears, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (phone) DO NOTHING",
            params![
                s.phone,
                s.nickname,
                joined_on,
                birthday,
                s.star_level,
                s.is_staff,
                s.verified,
                s.in_arrears,
                created_at
            ],
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM subscribers WHERE phone = ?1",
            [s.phone],
            |r| r.get(0),
        )?;
        for (name, phone) in s.family {
            tx.execute(
                "INSERT INTO family_contacts (subscriber_id, name, phone) VALUES (?1, ?2, ?3)
                 ON CONFLICT (subscriber_id, phone) DO NOTHING",
                params![id, name, phone],
            )?;
        }
    }
    tracing::info!(subscribers = SUBSCRIBERS.len(), "demo data seeded");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::phone::normalize_phone;

    #[test]
    fn seed_phones_are_valid_mobile_numbers() {
        for s in SUBSCRIBERS {
            assert_eq!(normalize_phone(s.phone).as_deref(), Ok(s.phone));
            for (_, phone) in s.family {
                assert!(normalize_phone(phone).is_ok());
            }
            assert!((1..=7).contains(&s.star_level));
        }
    }
}
