//! The daily check-in and its streak, and the holiday double points on it: on a day the
//! care calendar says points count double (`care::moments::double_points_holiday`), the
//! check-in earns a second, `holiday_double` ledger entry of the same amount in the same
//! transaction. The monthly cap counts the check-in points only.

use care_contract::mall::{CheckInResult, CheckInStatus, LedgerKind};
use care_contract::points::{self, LastCheckIn};
use care_contract::time::china_date;
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::ledger::NewEntry;
use super::points::{balance, earn, materialize_expiry};
use crate::care::holidays::Holiday;
use crate::care::moments::double_points_holiday;
use crate::care::CareConfig;
use crate::mall::clock::from_ms;
use crate::mall::config::MallConfig;
use crate::store::StoreError;

fn check_in_row(
    conn: &Connection,
    subscriber_id: i64,
    sql: &str,
    day: NaiveDate,
) -> rusqlite::Result<Option<(NaiveDate, u32, i64)>> {
    conn.query_row(sql, params![subscriber_id, day], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .optional()
}

fn today_check_in(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<(NaiveDate, u32, i64)>> {
    check_in_row(
        conn,
        subscriber_id,
        "SELECT day, streak, reward FROM check_ins WHERE subscriber_id = ?1 AND day = ?2",
        today,
    )
}

fn last_check_in_before(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
) -> rusqlite::Result<Option<LastCheckIn>> {
    Ok(check_in_row(
        conn,
        subscriber_id,
        "SELECT day, streak, reward FROM check_ins WHERE subscriber_id = ?1 AND day < ?2
         ORDER BY day DESC LIMIT 1",
        today,
    )?
    .map(|(day, streak, _)| LastCheckIn { day, streak }))
}

/// Check-in points in `day`'s month on days before `day` (and `day` itself when
/// `inclusive`).
fn month_total(
    conn: &Connection,
    subscriber_id: i64,
    day: NaiveDate,
    inclusive: bool,
) -> rusqlite::Result<i64> {
    let first = day.with_day(1).expect("day 1 exists");
    let sql = if inclusive {
        "SELECT coalesce(sum(reward), 0) FROM check_ins WHERE subscriber_id = ?1 AND day >= ?2 AND day <= ?3"
    } else {
        "SELECT coalesce(sum(reward), 0) FROM check_ins WHERE subscriber_id = ?1 AND day >= ?2 AND day < ?3"
    };
    conn.query_row(sql, params![subscriber_id, first, day], |r| r.get(0))
}

/// The ledger's words for a holiday's double points.
pub fn holiday_double_titles(h: Holiday) -> (&'static str, &'static str) {
    match h {
        Holiday::SpringFestival => ("春节双倍积分", "Spring Festival double points"),
        Holiday::NationalDay => ("国庆双倍积分", "National Day double points"),
        Holiday::MidAutumn => ("中秋双倍积分", "Mid-Autumn double points"),
        Holiday::DoubleNinth => ("重阳双倍积分", "Double Ninth double points"),
    }
}

/// What a check-in's `reward` earns in all on `day`: doubled on a double points holiday.
fn with_holiday_double(reward: i64, day: NaiveDate, care: &CareConfig) -> i64 {
    match double_points_holiday(day, care) {
        Some(_) => reward * 2,
        None => reward,
    }
}

/// The holiday double points the check-in on `day` earned: the `holiday_double` entry
/// written at the same instant as that day's `check_in` entry.
fn holiday_double_on(
    conn: &Connection,
    subscriber_id: i64,
    day: NaiveDate,
) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT coalesce(sum(points), 0) FROM point_ledger
         WHERE subscriber_id = ?1 AND kind = ?2 AND occurred_at IN (
             SELECT occurred_at FROM point_ledger
             WHERE subscriber_id = ?1 AND kind = ?3 AND occurred_on = ?4)",
        params![
            subscriber_id,
            LedgerKind::HolidayDouble.as_str(),
            LedgerKind::CheckIn.as_str(),
            day
        ],
        |r| r.get(0),
    )
}

pub fn check_in_status(
    conn: &Connection,
    subscriber_id: i64,
    today: NaiveDate,
    cfg: &MallConfig,
    care: &CareConfig,
) -> rusqlite::Result<CheckInStatus> {
    let rule = cfg.check_in_rule();
    if let Some((day, streak, _)) = today_check_in(conn, subscriber_id, today)? {
        let tomorrow = today + Days::new(1);
        let before_tomorrow = if points::same_month(today, tomorrow) {
            month_total(conn, subscriber_id, today, true)?
        } else {
            0
        };
        let next = points::check_in(
            &rule,
            Some(LastCheckIn { day, streak }),
            before_tomorrow,
            tomorrow,
        );
        return Ok(CheckInStatus {
            checked_in_today: true,
            streak,
            month_total: month_total(conn, subscriber_id, today, true)?,
            month_cap: cfg.check_in_month_cap,
            next_reward: with_holiday_double(next.reward, tomorrow, care),
        });
    }
    let last = last_check_in_before(conn, subscriber_id, today)?;
    let total = month_total(conn, subscriber_id, today, false)?;
    let next = points::check_in(&rule, last, total, today);
    let alive = last.filter(|l| today.pred_opt() == Some(l.day));
    Ok(CheckInStatus {
        checked_in_today: false,
        streak: alive.map_or(0, |l| l.streak),
        month_total: total,
        month_cap: cfg.check_in_month_cap,
        next_reward: with_holiday_double(next.reward, today, care),
    })
}

/// Today's check-in: made now, or the one already made today (`already_checked_in`). Its
/// `reward` is all it earned, holiday double points included.
pub fn check_in(
    conn: &Connection,
    subscriber_id: i64,
    now_ms: i64,
    cfg: &MallConfig,
    care: &CareConfig,
) -> Result<CheckInResult, StoreError> {
    let today = china_date(from_ms(now_ms));
    materialize_expiry(conn, subscriber_id, today)?;
    if let Some((day, streak, reward)) = today_check_in(conn, subscriber_id, today)? {
        return Ok(CheckInResult {
            day,
            streak,
            reward: reward + holiday_double_on(conn, subscriber_id, day)?,
            month_total: month_total(conn, subscriber_id, today, true)?,
            balance: balance(conn, subscriber_id, today)?,
            already_checked_in: true,
        });
    }
    let last = last_check_in_before(conn, subscriber_id, today)?;
    let before = month_total(conn, subscriber_id, today, false)?;
    let out = points::check_in(&cfg.check_in_rule(), last, before, today);
    conn.execute(
        "INSERT INTO check_ins (subscriber_id, day, streak, reward) VALUES (?1, ?2, ?3, ?4)",
        params![subscriber_id, today, out.streak, out.reward],
    )?;
    let mut earned = 0;
    if out.reward > 0 {
        let expires_on = points::expiry_for(today, cfg.points_expire_years_after);
        let zh = format!("每日签到（连续第 {} 天）", out.streak);
        let en = format!("Daily check-in (day {} in a row)", out.streak);
        earn(
            conn,
            subscriber_id,
            &NewEntry::new(LedgerKind::CheckIn, out.reward, now_ms, &zh, &en),
            expires_on,
        )?;
        earned += out.reward;
        if let Some(holiday) = double_points_holiday(today, care) {
            let (zh, en) = holiday_double_titles(holiday);
            earn(
                conn,
                subscriber_id,
                &NewEntry::new(LedgerKind::HolidayDouble, out.reward, now_ms, zh, en),
                expires_on,
            )?;
            earned += out.reward;
        }
    }
    Ok(CheckInResult {
        day: today,
        streak: out.streak,
        reward: earned,
        month_total: out.month_total,
        balance: balance(conn, subscriber_id, today)?,
        already_checked_in: false,
    })
}
