//! Demo data for the mall: the catalogue and charity projects (pure data, in
//! demo_catalogue.json) and each demo subscriber's points history. Dates are relative to the day of seeding, so the expiry reminder shows
//! whenever the demo database is made. Idempotent: items and projects are keyed by sku and
//! slug, and a subscriber's history is written once (`mall_seeded`), so a later start on
//! another day adds nothing.

use care_contract::mall::{DeliveryKind, ItemCategory, LedgerKind};
use care_contract::points::{self, multiplier_text, LastCheckIn};
use care_contract::time::{china_date, china_midnight};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use super::clock::Clock;
use super::config::MallConfig;
use super::store::catalogue::delivery_str;
use super::store::ledger::NewEntry;
use super::store::points::earn;
use crate::db::{Db, DbError};
use crate::BoxError;

/// The demo catalogue: items and charity projects, pure data (demo_catalogue.json).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCatalogue {
    pub items: Vec<SeedItem>,
    pub charity_projects: Vec<SeedProject>,
}

/// When an item's exchange window is, in days from the seeding day (China time): opens at
/// `open_hour` o'clock `open_days` from today, closes `close_days` from today at midnight.
/// An item without one can always be exchanged.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub open_days: i64,
    pub open_hour: i64,
    pub close_days: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedItem {
    pub sku: String,
    pub category: ItemCategory,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub points: i64,
    #[serde(default)]
    pub cash_fen: i64,
    /// None: unlimited.
    #[serde(default)]
    pub stock: Option<i64>,
    pub per_customer_limit: u32,
    #[serde(default = "one")]
    pub min_star_level: u8,
    #[serde(default)]
    pub window: Option<Window>,
    #[serde(default)]
    pub flash: bool,
    pub delivery: DeliveryKind,
    pub added_days_ago: i64,
    pub redemption_count: i64,
}

fn one() -> u8 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedProject {
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub base_points: i64,
    pub base_donors: i64,
}

const DEMO_CATALOGUE_JSON: &str = include_str!("demo_catalogue.json");

/// The demo catalogue, read from the JSON built into the binary (a test proves it reads).
pub fn demo_catalogue() -> Result<DemoCatalogue, serde_json::Error> {
    serde_json::from_str(DEMO_CATALOGUE_JSON)
}

/// Points a demo subscriber earned: a fixed amount, or a month's bill in yuan (times the
/// tier multiplier).
#[derive(Clone, Copy)]
pub enum Amount {
    Points(i64),
    SpendingYuan(i64),
}

pub struct SeedEarning {
    pub kind: LedgerKind,
    pub days_ago: u64,
    pub amount: Amount,
    /// The last day the points count, relative to today (negative: already expired).
    pub expires_in_days: i64,
    pub title_zh: &'static str,
    pub title_en: &'static str,
}

pub struct SeedHistory {
    pub phone: &'static str,
    pub earnings: &'static [SeedEarning],
    /// Consecutive check-ins, days ago (oldest first).
    pub check_ins_days_ago: &'static [u64],
}

const fn earning(
    kind: LedgerKind,
    days_ago: u64,
    amount: Amount,
    expires_in_days: i64,
) -> SeedEarning {
    SeedEarning {
        kind,
        days_ago,
        amount,
        expires_in_days,
        title_zh: "",
        title_en: "",
    }
}

const fn spending(days_ago: u64, yuan: i64) -> SeedEarning {
    earning(
        LedgerKind::MonthlySpending,
        days_ago,
        Amount::SpendingYuan(yuan),
        420 - days_ago as i64,
    )
}

const fn titled(e: SeedEarning, zh: &'static str, en: &'static str) -> SeedEarning {
    SeedEarning {
        title_zh: zh,
        title_en: en,
        ..e
    }
}

use Amount::Points;
use LedgerKind::{ActivityBonus, AdoptedSuggestion, BirthdayGift, HolidayDouble, Tenure};

pub const HISTORIES: &[SeedHistory] = &[
    // 张小明, 5★ gold: a few thousand points; 800 expire in 35 days (the reminder), and an
    // old lot has already expired (an `expiry` entry appears on first look).
    SeedHistory {
        phone: "13800138000",
        earnings: &[
            titled(
                earning(Tenure, 760, Points(120), -20),
                "网龄回馈",
                "Tenure reward",
            ),
            titled(
                earning(Tenure, 395, Points(800), 35),
                "网龄回馈（满 5 年）",
                "Tenure reward (5 years)",
            ),
            spending(185, 168),
            spending(155, 186),
            spending(124, 159),
            titled(
                earning(HolidayDouble, 120, Points(376), 300),
                "节日双倍积分",
                "Holiday double points",
            ),
            spending(94, 218),
            titled(
                earning(ActivityBonus, 93, Points(300), 330),
                "连续活跃 6 个月奖励",
                "Six active months in a row",
            ),
            spending(63, 192),
            titled(
                earning(AdoptedSuggestion, 50, Points(200), 380),
                "建议被采纳：营业厅预约取号",
                "Suggestion adopted: queue tickets by appointment",
            ),
            spending(33, 171),
            titled(
                earning(BirthdayGift, 20, Points(500), 400),
                "生日礼包",
                "Birthday gift pack",
            ),
        ],
        check_ins_days_ago: &[40, 39, 38],
    },
    // 王秀英, 6★ diamond: eligible but with few points.
    SeedHistory {
        phone: "13900139000",
        earnings: &[
            titled(
                earning(BirthdayGift, 300, Points(50), 50),
                "生日礼包",
                "Birthday gift pack",
            ),
            titled(
                earning(ActivityBonus, 70, Points(100), 360),
                "连续活跃 3 个月奖励",
                "Three active months in a row",
            ),
        ],
        check_ins_days_ago: &[],
    },
    // 李华, 2★, joined two months ago: has points but may not redeem yet.
    SeedHistory {
        phone: "13600136000",
        earnings: &[spending(40, 89), spending(10, 96)],
        check_ins_days_ago: &[5, 4, 3],
    },
    SeedHistory {
        phone: "13300133000",
        earnings: &[titled(
            earning(Tenure, 200, Points(1000), 400),
            "网龄回馈（满 10 年）",
            "Tenure reward (10 years)",
        )],
        check_ins_days_ago: &[],
    },
    // 陈建国, 3★, in arrears.
    SeedHistory {
        phone: "13500135000",
        earnings: &[
            titled(
                earning(Tenure, 150, Points(600), 300),
                "网龄回馈（满 10 年）",
                "Tenure reward (10 years)",
            ),
            spending(62, 58),
            spending(31, 64),
        ],
        check_ins_days_ago: &[],
    },
];

/// Seeds whatever of the mall's demo data is missing.
pub async fn seed_demo(db: &Db, clock: &Clock, cfg: &MallConfig) -> Result<(), BoxError> {
    let catalogue = demo_catalogue()?;
    let now = clock.now();
    let cfg = cfg.clone();
    db.write(move |tx| seed_in(tx, &catalogue, now, &cfg))
        .await?;
    Ok(())
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn seed_in(
    tx: &Transaction<'_>,
    catalogue: &DemoCatalogue,
    now: DateTime<Utc>,
    cfg: &MallConfig,
) -> Result<(), DbError> {
    let now_ms = now.timestamp_millis();
    let today = china_date(now);
    for it in &catalogue.items {
        let (starts_at, ends_at) = match it.window {
            None => (None, None),
            Some(Window {
                open_days,
                open_hour,
                close_days,
            }) => (
                Some(
                    (china_midnight(today) + days(open_days) + Duration::hours(open_hour))
                        .timestamp_millis(),
                ),
                Some((china_midnight(today) + days(close_days)).timestamp_millis()),
            ),
        };
        tx.execute(
            "INSERT INTO mall_items (sku, category, name_zh, name_en, description_zh, description_en,
                 points, cash_fen, stock, per_customer_limit, min_star_level, starts_at, ends_at,
                 flash, delivery, created_at, redemption_count)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
             ON CONFLICT (sku) DO NOTHING",
            params![
                it.sku,
                it.category.as_str(),
                it.name_zh,
                it.name_en,
                it.description_zh,
                it.description_en,
                it.points,
                it.cash_fen,
                it.stock,
                it.per_customer_limit,
                it.min_star_level,
                starts_at,
                ends_at,
                it.flash,
                delivery_str(it.delivery),
                (now - days(it.added_days_ago)).timestamp_millis(),
                it.redemption_count
            ],
        )?;
    }
    for p in &catalogue.charity_projects {
        tx.execute(
            "INSERT INTO charity_projects (slug, name_zh, name_en, description_zh, description_en,
                 base_points, base_donors, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (slug) DO NOTHING",
            params![
                p.slug,
                p.name_zh,
                p.name_en,
                p.description_zh,
                p.description_en,
                p.base_points,
                p.base_donors,
                now_ms
            ],
        )?;
    }
    for h in HISTORIES {
        let found: Option<(i64, u8, bool)> = tx
            .query_row(
                "SELECT s.id, s.star_level, m.subscriber_id IS NOT NULL FROM subscribers s
                 LEFT JOIN mall_seeded m ON m.subscriber_id = s.id WHERE s.phone = ?1",
                [h.phone],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, star_level, seeded)) = found else {
            continue;
        };
        if seeded {
            continue;
        }
        seed_history(tx, id, star_level, h, now, today, cfg)?;
        tx.execute(
            "INSERT INTO mall_seeded (subscriber_id, seeded_on) VALUES (?1, ?2)",
            params![id, today],
        )?;
    }
    tracing::info!(
        items = catalogue.items.len(),
        projects = catalogue.charity_projects.len(),
        "mall demo data seeded"
    );
    Ok(())
}

fn seed_history(
    tx: &Transaction<'_>,
    id: i64,
    star_level: u8,
    h: &SeedHistory,
    now: DateTime<Utc>,
    today: NaiveDate,
    cfg: &MallConfig,
) -> Result<(), DbError> {
    let multiplier = cfg.tier(star_level).multiplier_percent;
    for e in h.earnings {
        let at = now - days(e.days_ago as i64);
        let on = china_date(at);
        let expires_on = today + days(e.expires_in_days);
        let (points, zh, en) = match e.amount {
            Amount::Points(p) => (p, e.title_zh.to_owned(), e.title_en.to_owned()),
            Amount::SpendingYuan(yuan) => {
                // The bill of the month before the day the points were credited.
                let month = on.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(on);
                let x = multiplier_text(multiplier);
                (
                    points::apply_multiplier(yuan, multiplier),
                    format!(
                        "{}年{}月话费消费 ¥{yuan} × {x}",
                        month.year(),
                        month.month()
                    ),
                    format!("{} bill ¥{yuan} × {x}", month.format("%B %Y")),
                )
            }
        };
        earn(
            tx,
            id,
            &NewEntry::new(e.kind, points, at.timestamp_millis(), &zh, &en),
            expires_on,
        )?;
    }
    let rule = cfg.check_in_rule();
    let mut last: Option<LastCheckIn> = None;
    let mut month_total = 0;
    for &ago in h.check_ins_days_ago {
        let day = today - Days::new(ago);
        if last.is_some_and(|l| !points::same_month(l.day, day)) {
            month_total = 0;
        }
        let out = points::check_in(&rule, last, month_total, day);
        month_total = out.month_total;
        last = Some(LastCheckIn {
            day,
            streak: out.streak,
        });
        tx.execute(
            "INSERT INTO check_ins (subscriber_id, day, streak, reward) VALUES (?1, ?2, ?3, ?4)",
            params![id, day, out.streak, out.reward],
        )?;
        let at = china_midnight(day) + Duration::hours(8);
        let zh = format!("每日签到（连续第 {} 天）", out.streak);
        let en = format!("Daily check-in (day {} in a row)", out.streak);
        earn(
            tx,
            id,
            &NewEntry::new(
                LedgerKind::CheckIn,
                out.reward,
                at.timestamp_millis(),
                &zh,
                &en,
            ),
            points::expiry_for(day, cfg.points_expire_years_after),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_catalogue_reads_and_is_sane() {
        let catalogue = demo_catalogue().expect("demo_catalogue.json reads");
        assert_eq!(catalogue.items.len(), 13);
        let mut skus = std::collections::HashSet::new();
        for it in &catalogue.items {
            assert!(skus.insert(&it.sku), "duplicate sku {}", it.sku);
            assert!(it.points > 0 && it.per_customer_limit >= 1, "{}", it.sku);
            assert!(it.cash_fen >= 0 && it.redemption_count >= 0, "{}", it.sku);
            assert!(it.stock.is_none_or(|s| s >= 0), "{}", it.sku);
            assert!((1..=7).contains(&it.min_star_level), "{}", it.sku);
            assert!(it.category != ItemCategory::Charity, "{}", it.sku);
            for text in [
                &it.name_zh,
                &it.name_en,
                &it.description_zh,
                &it.description_en,
            ] {
                assert!(!text.trim().is_empty(), "{}", it.sku);
            }
            if let Some(w) = it.window {
                assert!(w.open_days < w.close_days, "{}", it.sku);
                assert!((0..24).contains(&w.open_hour), "{}", it.sku);
            }
            // Goods go by post; everything else is credited at once.
            let physical = matches!(it.category, ItemCategory::Physical | ItemCategory::Rural);
            assert_eq!(
                physical,
                it.delivery == DeliveryKind::Physical,
                "{}",
                it.sku
            );
        }
        let mut slugs = std::collections::HashSet::new();
        for p in &catalogue.charity_projects {
            assert!(slugs.insert(&p.slug), "duplicate slug {}", p.slug);
            assert!(p.base_points >= 0 && p.base_donors >= 0, "{}", p.slug);
            assert!(!p.name_zh.is_empty() && !p.name_en.is_empty(), "{}", p.slug);
        }
        assert_eq!(catalogue.charity_projects.len(), 2);
        for h in HISTORIES {
            for e in h.earnings {
                if let Amount::Points(_) = e.amount {
                    assert!(!e.title_zh.is_empty() && !e.title_en.is_empty());
                }
            }
        }
    }
}
