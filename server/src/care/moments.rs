//! Which moments are due for a subscriber at an instant, in China time: plain functions of
//! the profile (birthday, join date, when the account was created), the clock and the
//! operator's numbers. Each moment carries the key that delivers it once.

use care_contract::care::{last_full_quarter, quarter_start, CareParams, MessageKind};
use care_contract::time::{china_date, china_midnight};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use super::config::CareConfig;
use super::holidays::{holidays_on, Holiday};

/// What the moments are computed from.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    pub birthday: Option<NaiveDate>,
    pub joined_on: NaiveDate,
    pub created_at: DateTime<Utc>,
}

/// A moment due now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueMoment {
    pub kind: MessageKind,
    pub params: CareParams,
    /// Delivered once per subscriber and key (`birthday:2026`).
    pub key: String,
    /// A points gift: how many, and the last instant to claim it.
    pub gift: Option<(i64, DateTime<Utc>)>,
}

impl DueMoment {
    fn new(kind: MessageKind, params: CareParams, key: String) -> Self {
        Self {
            kind,
            params,
            key,
            gift: None,
        }
    }
}

/// A date's anniversary in `year`: the same month and day, and 29 February on 28 February
/// in a common year (the operator's rule, so the day is never skipped).
pub fn anniversary_in(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28).filter(|_| date.month() == 2))
}

/// Whole years from `since` to `day`, a year counted on its (leap-adjusted) anniversary.
pub fn whole_years(since: NaiveDate, day: NaiveDate) -> i32 {
    let years = day.year() - since.year();
    match anniversary_in(since, day.year()) {
        Some(this_year) if day < this_year => years - 1,
        _ => years,
    }
}

/// The moments due at `now` (China time), in a fixed order.
pub fn due_moments(p: &Profile, now: DateTime<Utc>, cfg: &CareConfig) -> Vec<DueMoment> {
    let today = china_date(now);
    let mut due = Vec::new();
    if let Some(m) = birthday(p, today, cfg) {
        due.push(m);
    }
    if let Some(m) = anniversary(p, today) {
        due.push(m);
    }
    due.extend(holidays(p, today, cfg));
    if now >= p.created_at && now - p.created_at < chrono::Duration::hours(cfg.guide_hours) {
        due.push(DueMoment::new(
            MessageKind::NewUserGuide,
            CareParams::default(),
            "new_user_guide".to_owned(),
        ));
    }
    if let Some(m) = quarterly_report(p, today, cfg) {
        due.push(m);
    }
    due
}

/// The birthday: on the day and through the claim window after it (so a subscriber who
/// opens the app late still finds the gift), once a year. Last year's birthday counts in
/// early January (a birthday on 30 December is claimable on 3 January).
fn birthday(p: &Profile, today: NaiveDate, cfg: &CareConfig) -> Option<DueMoment> {
    let born = p.birthday?;
    [today.year(), today.year() - 1]
        .into_iter()
        .find_map(|year| {
            let on = anniversary_in(born, year)?;
            let last = on.checked_add_days(Days::new(u64::from(cfg.gift_claim_days)))?;
            if year < born.year() || today < on || today > last {
                return None;
            }
            let params = CareParams {
                on: Some(on),
                ..Default::default()
            };
            let mut m = DueMoment::new(MessageKind::Birthday, params, format!("birthday:{year}"));
            if cfg.birthday_gift_points > 0 {
                // Claimable to the end of the window's last day in China.
                let claim_by = china_midnight(last.succ_opt()?) - chrono::Duration::milliseconds(1);
                m.gift = Some((cfg.birthday_gift_points, claim_by));
            }
            Some(m)
        })
}

/// 入网周年: on the join date's anniversary, from the first year on.
fn anniversary(p: &Profile, today: NaiveDate) -> Option<DueMoment> {
    let years = today.year() - p.joined_on.year();
    if years < 1 || anniversary_in(p.joined_on, today.year())? != today {
        return None;
    }
    let params = CareParams {
        years: Some(years as u32),
        ..Default::default()
    };
    Some(DueMoment::new(
        MessageKind::NetworkAnniversary,
        params,
        format!("anniversary:{}", today.year()),
    ))
}

/// How many times points count on holiday `h`: double on Spring Festival and National Day
/// when the operator's setting is on, else `None` (the normal once).
pub fn points_multiplier(h: Holiday, cfg: &CareConfig) -> Option<u32> {
    let doubles = matches!(h, Holiday::SpringFestival | Holiday::NationalDay);
    (doubles && cfg.double_points_holidays).then_some(2)
}

/// The holiday on `day` (China date) on which points count double, if any: the one the
/// holiday moment announces, and the one the daily check-in's points are doubled on.
pub fn double_points_holiday(day: NaiveDate, cfg: &CareConfig) -> Option<Holiday> {
    holidays_on(day)
        .into_iter()
        .find(|h| points_multiplier(*h, cfg) == Some(2))
}

fn holidays(p: &Profile, today: NaiveDate, cfg: &CareConfig) -> Vec<DueMoment> {
    let elder = p
        .birthday
        .is_some_and(|b| whole_years(b, today) >= cfg.elder_age as i32);
    holidays_on(today)
        .into_iter()
        .filter(|h| *h != Holiday::DoubleNinth || elder)
        .map(|h| {
            let kind = match h {
                Holiday::SpringFestival => MessageKind::SpringFestival,
                Holiday::MidAutumn => MessageKind::MidAutumn,
                Holiday::DoubleNinth => MessageKind::DoubleNinth,
                Holiday::NationalDay => MessageKind::NationalDay,
            };
            let params = CareParams {
                points_multiplier: points_multiplier(h, cfg),
                ..Default::default()
            };
            DueMoment::new(kind, params, format!("{}:{}", h.key(), today.year()))
        })
        .collect()
}

/// The report of the quarter just ended, in the first `report_days` days of the next one,
/// for a subscriber who was on the network before it ended.
fn quarterly_report(p: &Profile, today: NaiveDate, cfg: &CareConfig) -> Option<DueMoment> {
    let (year, quarter) = last_full_quarter(today);
    let (this_year, this_quarter) = match quarter {
        4 => (year + 1, 1),
        q => (year, q + 1),
    };
    let began = quarter_start(this_year, this_quarter)?;
    if (today - began).num_days() >= i64::from(cfg.report_days) || p.joined_on >= began {
        return None;
    }
    let params = CareParams {
        year: Some(year),
        quarter: Some(quarter),
        ..Default::default()
    };
    Some(DueMoment::new(
        MessageKind::QuarterlyReport,
        params,
        format!("quarterly_report:{year}q{quarter}"),
    ))
}

#[cfg(test)]
#[path = "moments_tests.rs"]
mod tests;
