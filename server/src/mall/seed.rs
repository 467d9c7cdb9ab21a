//! Demo data for the mall: the catalogue, charity projects and each demo subscriber's
//! points history. Dates are relative to the day of seeding, so the expiry reminder shows
//! whenever the demo database is made. Idempotent: items and projects are keyed by sku and
//! slug, and a subscriber's history is written once (`mall_seeded`), so a later start on
//! another day adds nothing.

use care_contract::mall::{DeliveryKind, ItemCategory, LedgerKind};
use care_contract::points::{self, multiplier_text, LastCheckIn};
use care_contract::time::{china_date, china_midnight};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::clock::Clock;
use super::config::MallConfig;
use super::store::catalogue::delivery_str;
use super::store::ledger::NewEntry;
use super::store::points::earn;
use crate::db::{Db, DbError};

/// When an item's exchange window is, in days from the seeding day (China time).
#[derive(Clone, Copy)]
pub enum Window {
    Always,
    /// Opens at `open_hour` o'clock `open_days` from today, closes `close_days` from today
    /// at midnight.
    Days {
        open_days: i64,
        open_hour: i64,
        close_days: i64,
    },
}

pub struct SeedItem {
    pub sku: &'static str,
    pub category: ItemCategory,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub description_zh: &'static str,
    pub description_en: &'static str,
    pub points: i64,
    pub cash_fen: i64,
    pub stock: Option<i64>,
    pub per_customer_limit: u32,
    pub min_star_level: u8,
    pub window: Window,
    pub flash: bool,
    pub delivery: DeliveryKind,
    pub added_days_ago: i64,
    pub redemption_count: i64,
}

const fn item(
    sku: &'static str,
    category: ItemCategory,
    names: (&'static str, &'static str),
    descriptions: (&'static str, &'static str),
    points: i64,
    delivery: DeliveryKind,
) -> SeedItem {
    SeedItem {
        sku,
        category,
        name_zh: names.0,
        name_en: names.1,
        description_zh: descriptions.0,
        description_en: descriptions.1,
        points,
        cash_fen: 0,
        stock: None,
        per_customer_limit: 5,
        min_star_level: 1,
        window: Window::Always,
        flash: false,
        delivery,
        added_days_ago: 200,
        redemption_count: 0,
    }
}

use DeliveryKind::{Instant, Physical};
use ItemCategory::{Data, Membership, PhoneCredit, Physical as Goods, Rural};

pub const ITEMS: &[SeedItem] = &[
    SeedItem {
        redemption_count: 12873,
        per_customer_limit: 10,
        ..item(
            "credit-10",
            PhoneCredit,
            ("10元话费", "¥10 phone credit"),
            (
                "兑换后立即充入本机号码。",
                "Credited to this number at once.",
            ),
            1000,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 3391,
        per_customer_limit: 5,
        added_days_ago: 180,
        ..item(
            "credit-50",
            PhoneCredit,
            ("50元话费", "¥50 phone credit"),
            (
                "兑换后立即充入本机号码。",
                "Credited to this number at once.",
            ),
            4800,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 9012,
        per_customer_limit: 10,
        added_days_ago: 150,
        ..item(
            "data-100mb",
            Data,
            ("100MB 国内流量（7天）", "100 MB domestic data (7 days)"),
            ("立即生效，7天内有效。", "Active at once, valid for 7 days."),
            300,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 6240,
        added_days_ago: 150,
        ..item(
            "data-1gb",
            Data,
            ("1GB 国内流量（当月）", "1 GB domestic data (this month)"),
            (
                "立即生效，当月月底失效。",
                "Active at once until the end of the month.",
            ),
            1500,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 4107,
        per_customer_limit: 3,
        added_days_ago: 90,
        ..item(
            "video-month",
            Membership,
            ("视频会员 月卡", "Video membership, 1 month"),
            (
                "热门剧集、电影免广告观看 31 天。",
                "31 days of ad-free series and films.",
            ),
            1800,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 2210,
        per_customer_limit: 3,
        added_days_ago: 60,
        ..item(
            "music-month",
            Membership,
            ("音乐会员 月卡", "Music membership, 1 month"),
            (
                "畅听曲库，支持离线下载。",
                "The whole catalogue, with offline downloads.",
            ),
            900,
            Instant,
        )
    },
    SeedItem {
        redemption_count: 1320,
        per_customer_limit: 3,
        added_days_ago: 30,
        ..item(
            "reading-month",
            Membership,
            ("阅读会员 月卡", "Reading membership, 1 month"),
            (
                "十万本电子书和有声书，字号可调。",
                "100,000 e-books and audiobooks, adjustable text size.",
            ),
            600,
            Instant,
        )
    },
    SeedItem {
        stock: Some(120),
        per_customer_limit: 2,
        redemption_count: 860,
        added_days_ago: 45,
        ..item(
            "phone-case",
            Goods,
            ("防摔手机壳", "Shock-proof phone case"),
            ("通用尺寸，包邮到家。", "Universal size, free delivery."),
            800,
            Physical,
        )
    },
    SeedItem {
        stock: Some(40),
        per_customer_limit: 1,
        redemption_count: 512,
        added_days_ago: 20,
        ..item(
            "power-bank",
            Goods,
            ("10000mAh 充电宝", "10,000 mAh power bank"),
            (
                "双口快充，包邮到家。",
                "Two fast-charging ports, free delivery.",
            ),
            2500,
            Physical,
        )
    },
    SeedItem {
        stock: Some(15),
        per_customer_limit: 1,
        min_star_level: 5,
        redemption_count: 74,
        added_days_ago: 10,
        ..item(
            "smart-speaker",
            Goods,
            ("智能音箱（会员专享）", "Smart speaker (members only)"),
            (
                "五星及以上会员专享，语音点歌、查天气、打电话。",
                "For 5-star members and above: music, weather and calls by voice.",
            ),
            6000,
            Physical,
        )
    },
    SeedItem {
        stock: Some(200),
        per_customer_limit: 2,
        cash_fen: 1990,
        redemption_count: 388,
        added_days_ago: 15,
        ..item(
            "rural-apples",
            Rural,
            (
                "助农 陕西洛川苹果 5斤",
                "Rural support: Luochuan apples, 2.5 kg",
            ),
            (
                "积分 + 19.90元（计入话费账单），产地直发。",
                "Points plus ¥19.90 (on the phone bill), shipped from the orchard.",
            ),
            1200,
            Physical,
        )
    },
    SeedItem {
        stock: Some(10),
        per_customer_limit: 1,
        flash: true,
        window: Window::Days {
            open_days: 2,
            open_hour: 10,
            close_days: 4,
        },
        added_days_ago: 1,
        ..item(
            "flash-credit-30",
            PhoneCredit,
            ("秒兑：30元话费", "Flash: ¥30 phone credit"),
            (
                "限量 10 份，开抢后先到先得。",
                "10 only, first come first served once it opens.",
            ),
            1500,
            Instant,
        )
    },
    SeedItem {
        stock: Some(50),
        per_customer_limit: 1,
        window: Window::Days {
            open_days: -30,
            open_hour: 0,
            close_days: -10,
        },
        redemption_count: 50,
        added_days_ago: 31,
        ..item(
            "spring-data-5gb",
            Data,
            ("限时：新春 5GB 流量包", "Limited: New Year 5 GB data"),
            (
                "新春限时兑换，已结束。",
                "A New Year exchange that has ended.",
            ),
            2000,
            Instant,
        )
    },
];

pub struct SeedProject {
    pub slug: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub description_zh: &'static str,
    pub description_en: &'static str,
    pub base_points: i64,
    pub base_donors: i64,
}

pub const PROJECTS: &[SeedProject] = &[
    SeedProject {
        slug: "mountain-lunch",
        name_zh: "山区儿童午餐",
        name_en: "Lunches for mountain-village children",
        description_zh: "每 300 积分为山区小学生提供一顿营养午餐。",
        description_en: "Every 300 points buys a nutritious school lunch in a mountain village.",
        base_points: 1_285_300,
        base_donors: 4210,
    },
    SeedProject {
        slug: "silver-care",
        name_zh: "银发关爱",
        name_en: "Care for older people",
        description_zh: "为独居老人送去智能手机使用培训和上门探访。",
        description_en: "Smartphone lessons and home visits for older people living alone.",
        base_points: 642_800,
        base_donors: 1875,
    },
];

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
pub async fn seed_demo(db: &Db, clock: &Clock, cfg: &MallConfig) -> Result<(), DbError> {
    let now = clock.now();
    let cfg = cfg.clone();
    db.write(move |tx| seed_in(tx, now, &cfg)).await
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn seed_in(tx: &Transaction<'_>, now: DateTime<Utc>, cfg: &MallConfig) -> Result<(), DbError> {
    let now_ms = now.timestamp_millis();
    let today = china_date(now);
    for it in ITEMS {
        let (starts_at, ends_at) = match it.window {
            Window::Always => (None, None),
            Window::Days {
                open_days,
                open_hour,
                close_days,
            } => (
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
    for p in PROJECTS {
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
        items = ITEMS.len(),
        projects = PROJECTS.len(),
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
    fn every_seed_item_is_sane() {
        let mut skus = std::collections::HashSet::new();
        for it in ITEMS {
            assert!(skus.insert(it.sku), "duplicate sku {}", it.sku);
            assert!(it.points > 0 && it.per_customer_limit >= 1);
            assert!((1..=7).contains(&it.min_star_level));
            if let Window::Days {
                open_days,
                close_days,
                ..
            } = it.window
            {
                assert!(open_days < close_days, "{}", it.sku);
            }
        }
        for h in HISTORIES {
            for e in h.earnings {
                if let Amount::Points(_) = e.amount {
                    assert!(!e.title_zh.is_empty() && !e.title_en.is_empty());
                }
            }
        }
    }
}
