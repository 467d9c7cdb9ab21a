//! Demo data for the community: the boards and threads are data (demo_community.json), the
//! thread with 1,000 replies is made here. Only in demo mode, once (`community_seeded`),
//! with times relative to the seeding moment so "3 分钟前" reads right on any day. Authors
//! are the demo subscribers of `crate::seed`; their ids and the threads' ids are the same
//! on every fresh demo database (threads are inserted in the file's order).
//!
//! The adopted suggestion in the closed idea call is 张小明's "营业厅预约取号", whose 200
//! points the mall's demo ledger already holds (`mall::seed::HISTORIES`): seeding credits
//! nothing again.

use std::collections::HashMap;

use care_contract::community::{BoardKind, PostState, ReportReason};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use super::config::CommunityConfig;
use super::store::polls;
use crate::db::{Db, DbError};
use crate::mall::Clock;
use crate::BoxError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCommunity {
    pub boards: Vec<SeedBoard>,
    pub threads: Vec<SeedThread>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedBoard {
    pub slug: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: String,
    pub description_en: String,
    pub kind: BoardKind,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedVotes {
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedPoll {
    pub options: Vec<String>,
    pub closes_in_days: u32,
    /// Phone → index of the option chosen.
    #[serde(default)]
    pub votes: HashMap<String, usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedThread {
    /// Names the thread in seed keys and tests.
    pub slug: String,
    pub board: String,
    /// The author's phone (a demo subscriber).
    pub author: String,
    pub title: String,
    pub body: String,
    pub hours_ago: i64,
    #[serde(default)]
    pub pinned: bool,
    #[serde(default)]
    pub locked: bool,
    #[serde(default)]
    pub votes: SeedVotes,
    #[serde(default)]
    pub poll: Option<SeedPoll>,
    #[serde(default)]
    pub replies: Vec<SeedReply>,
    /// Replies made in Rust ([`generated_replies`]) instead of listed.
    #[serde(default)]
    pub generated_replies: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedAdoption {
    pub points: i64,
    pub hours_ago: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedReport {
    pub by: String,
    pub reason: ReportReason,
    #[serde(default)]
    pub detail: Option<String>,
    pub hours_ago: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedReply {
    #[serde(default)]
    pub key: Option<String>,
    pub author: String,
    pub body: String,
    pub hours_ago: i64,
    /// Published unless said (a `held` one must contain a forbidden word).
    #[serde(default)]
    pub state: Option<PostState>,
    /// The thread's accepted answer.
    #[serde(default)]
    pub best: bool,
    #[serde(default)]
    pub adopted: Option<SeedAdoption>,
    #[serde(default)]
    pub votes: SeedVotes,
    #[serde(default)]
    pub reports: Vec<SeedReport>,
    /// For a nested reply: the index of the nested reply before it that it answers.
    #[serde(default)]
    pub reply_to: Option<usize>,
    /// Replies nested under this one (only under a reply to the thread).
    #[serde(default)]
    pub replies: Vec<SeedReply>,
}

const DEMO_COMMUNITY_JSON: &str = include_str!("demo_community.json");

/// The demo boards and threads, read from the JSON built into the binary.
pub fn demo_community() -> Result<DemoCommunity, serde_json::Error> {
    serde_json::from_str(DEMO_COMMUNITY_JSON)
}

/// Authors of the generated replies, in turn (the demo subscribers).
const CROWD: &[&str] = &[
    "13800138000",
    "13900139000",
    "13600136000",
    "13500135000",
    "13300133000",
];

/// A generated reply: (body, author phone, nested under the generated reply at this
/// index, minutes after the thread).
pub type Generated = (String, &'static str, Option<usize>, i64);

/// `n` replies to the tenure event: mostly replies to the thread, every tenth with an
/// answer nested under it, and under the first a long branch of 40 (for "show more").
pub fn generated_replies(n: usize, thread_minutes: i64) -> Vec<Generated> {
    const SAYINGS: &[&str] = &[
        "号码一直没换过，亲戚朋友都记得这个号。",
        "信号一直挺稳定，出差到山里也能打电话。",
        "家里宽带、手机、电视都是一起办的，省心。",
        "客服小姐姐很耐心，上次教我爸用了半天智能手机。",
        "希望流量再多一点，哈哈。",
        "从学生卡一直用到现在，祝越来越好！",
        "营业厅的师傅上门装宽带很准时，点赞。",
    ];
    const ANSWERS: &[&str] = &[
        "比我还久，老用户了！",
        "一样一样，我也是这么多年没换号。",
        "同感，客服确实很耐心。",
        "祝福！",
    ];
    let mut out: Vec<Generated> = Vec::with_capacity(n);
    let mut top = 0usize;
    // Spread over the thread's life, the last one a few minutes ago.
    let step = |i: usize| (thread_minutes - 5) * i as i64 / n.max(1) as i64 + 1;
    while out.len() < n {
        let i = out.len();
        let years = 1 + (top * 7) % 26;
        let body = format!("网龄 {years} 年报到。{}", SAYINGS[top % SAYINGS.len()]);
        out.push((body, CROWD[top % CROWD.len()], None, step(i)));
        let nested = match top {
            0 => 40,
            t if t % 10 == 0 => 1,
            _ => 0,
        };
        for k in 0..nested {
            if out.len() == n {
                break;
            }
            let j = out.len();
            let body = ANSWERS[(top + k) % ANSWERS.len()].to_owned();
            out.push((body, CROWD[(top + k + 1) % CROWD.len()], Some(i), step(j)));
        }
        top += 1;
    }
    out
}

/// Seeds the demo community if it is not there yet.
pub async fn seed_demo(db: &Db, clock: &Clock, cfg: &CommunityConfig) -> Result<(), BoxError> {
    let data = demo_community()?;
    let now = clock.now();
    let cfg = cfg.clone();
    db.write(move |tx| seed_in(tx, &data, now, &cfg)).await?;
    Ok(())
}

fn subscriber(tx: &Transaction<'_>, phone: &str) -> Result<i64, DbError> {
    Ok(tx.query_row(
        "SELECT id FROM subscribers WHERE phone = ?1",
        [phone],
        |r| r.get(0),
    )?)
}

fn ms(now: DateTime<Utc>, hours_ago: i64) -> i64 {
    (now - Duration::hours(hours_ago)).timestamp_millis()
}

struct Ctx<'a> {
    tx: &'a Transaction<'a>,
    now: DateTime<Utc>,
    cfg: &'a CommunityConfig,
    thread_id: i64,
    slug: &'a str,
    count: usize,
}

fn seed_in(
    tx: &Transaction<'_>,
    data: &DemoCommunity,
    now: DateTime<Utc>,
    cfg: &CommunityConfig,
) -> Result<(), DbError> {
    let seeded: Option<i64> = tx
        .query_row("SELECT seeded_at FROM community_seeded", [], |r| r.get(0))
        .optional()?;
    if seeded.is_some() {
        return Ok(());
    }
    let mut boards = HashMap::new();
    for (position, b) in data.boards.iter().enumerate() {
        tx.execute(
            "INSERT INTO community_boards (slug, name_zh, name_en, description_zh, description_en,
                 kind, position, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                b.slug,
                b.name_zh,
                b.name_en,
                b.description_zh,
                b.description_en,
                b.kind.as_str(),
                position as i64,
                now.timestamp_millis()
            ],
        )?;
        boards.insert(b.slug.as_str(), tx.last_insert_rowid());
    }
    let mut replies = 0;
    for t in &data.threads {
        let created = ms(now, t.hours_ago);
        tx.execute(
            "INSERT INTO community_threads (board_id, author_id, title, body, state, pinned, locked,
                 idempotency_key, fingerprint, created_at, last_activity_at)
             VALUES (?1, ?2, ?3, ?4, 'published', ?5, ?6, ?7, 'seed', ?8, ?8)",
            params![
                boards[t.board.as_str()],
                subscriber(tx, &t.author)?,
                t.title,
                t.body,
                t.pinned,
                t.locked,
                format!("seed:{}", t.slug),
                created
            ],
        )?;
        let thread_id = tx.last_insert_rowid();
        votes(tx, "thread", thread_id, &t.votes, created)?;
        if let Some(p) = &t.poll {
            let closes = now + Duration::days(i64::from(p.closes_in_days));
            let closes_on = care_contract::time::china_date(closes);
            let closes_at = polls::closes_at(closes_on, now.timestamp_millis())
                .map_err(|e| DbError::Task(e.to_string()))?;
            polls::insert(tx, thread_id, &p.options, closes_at)?;
            for (phone, &choice) in &p.votes {
                tx.execute(
                    "INSERT INTO community_poll_votes (thread_id, subscriber_id, option_id, created_at)
                     SELECT ?1, ?2, id, ?4 FROM community_poll_options
                     WHERE thread_id = ?1 AND position = ?3",
                    params![thread_id, subscriber(tx, phone)?, choice as i64, created],
                )?;
            }
        }
        let mut ctx = Ctx {
            tx,
            now,
            cfg,
            thread_id,
            slug: &t.slug,
            count: 0,
        };
        for r in &t.replies {
            seed_reply(&mut ctx, r, None, &[])?;
        }
        if t.generated_replies > 0 {
            generate(&mut ctx, t)?;
        }
        replies += ctx.count;
    }
    // The counts follow the votes; a thread's activity is its latest published reply.
    tx.execute_batch(
        "UPDATE community_threads SET
             up_votes = (SELECT count(*) FROM community_votes v
                 WHERE v.post_kind = 'thread' AND v.post_id = community_threads.id AND v.value = 1),
             down_votes = (SELECT count(*) FROM community_votes v
                 WHERE v.post_kind = 'thread' AND v.post_id = community_threads.id AND v.value = -1),
             last_activity_at = max(created_at, coalesce((SELECT max(r.created_at)
                 FROM community_replies r
                 WHERE r.thread_id = community_threads.id AND r.state = 'published'), 0));
         UPDATE community_threads SET score = up_votes - down_votes;
         UPDATE community_replies SET
             up_votes = (SELECT count(*) FROM community_votes v
                 WHERE v.post_kind = 'reply' AND v.post_id = community_replies.id AND v.value = 1),
             down_votes = (SELECT count(*) FROM community_votes v
                 WHERE v.post_kind = 'reply' AND v.post_id = community_replies.id AND v.value = -1);
         UPDATE community_replies SET score = up_votes - down_votes;",
    )?;
    tx.execute(
        "INSERT INTO community_seeded (id, seeded_at) VALUES (1, ?1)",
        [now.timestamp_millis()],
    )?;
    tracing::info!(
        boards = data.boards.len(),
        threads = data.threads.len(),
        replies,
        "community demo data seeded"
    );
    Ok(())
}

fn votes(tx: &Transaction<'_>, kind: &str, id: i64, v: &SeedVotes, at: i64) -> Result<(), DbError> {
    for (phones, value) in [(&v.up, 1), (&v.down, -1)] {
        for phone in phones {
            tx.execute(
                "INSERT INTO community_votes (subscriber_id, post_kind, post_id, value, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![subscriber(tx, phone)?, kind, id, value, at],
            )?;
        }
    }
    Ok(())
}

/// Inserts one reply (and the ones nested under it); returns its id.
fn seed_reply(
    ctx: &mut Ctx<'_>,
    r: &SeedReply,
    parent: Option<i64>,
    siblings: &[i64],
) -> Result<i64, DbError> {
    let tx = ctx.tx;
    let state = r.state.unwrap_or(PostState::Published);
    let matched = ctx.cfg.matched_words(&[r.body.as_str()]);
    let created = ms(ctx.now, r.hours_ago);
    ctx.count += 1;
    tx.execute(
        "INSERT INTO community_replies (thread_id, parent_id, reply_to_id, author_id, body, state,
             matched_words, adopted_points, adopted_at, idempotency_key, fingerprint, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'seed', ?11)",
        params![
            ctx.thread_id,
            parent,
            r.reply_to.map(|i| siblings[i]),
            subscriber(tx, &r.author)?,
            r.body,
            state.as_str(),
            (!matched.is_empty()).then(|| matched.join("\n")),
            r.adopted.as_ref().map(|a| a.points),
            r.adopted.as_ref().map(|a| ms(ctx.now, a.hours_ago)),
            format!(
                "seed:{}:{}",
                ctx.slug,
                r.key.clone().unwrap_or_else(|| ctx.count.to_string())
            ),
            created
        ],
    )?;
    let id = tx.last_insert_rowid();
    votes(tx, "reply", id, &r.votes, created)?;
    if r.best {
        tx.execute(
            "UPDATE community_threads SET best_reply_id = ?2 WHERE id = ?1",
            params![ctx.thread_id, id],
        )?;
    }
    if state == PostState::Held {
        tx.execute(
            "INSERT INTO community_moderation_log (actor_id, action, post_kind, post_id, thread_id,
                 note, created_at)
             VALUES (NULL, 'held', 'reply', ?1, ?2, ?3, ?4)",
            params![
                id,
                ctx.thread_id,
                matched.join(care_contract::community::HELD_WORDS_SEPARATOR),
                created
            ],
        )?;
    }
    for report in &r.reports {
        tx.execute(
            "INSERT INTO community_reports (reporter_id, post_kind, post_id, reason, detail,
                 created_at)
             VALUES (?1, 'reply', ?2, ?3, ?4, ?5)",
            params![
                subscriber(tx, &report.by)?,
                id,
                report.reason.as_str(),
                report.detail,
                ms(ctx.now, report.hours_ago)
            ],
        )?;
    }
    let mut nested = Vec::new();
    for child in &r.replies {
        let child_id = seed_reply(ctx, child, Some(id), &nested)?;
        nested.push(child_id);
    }
    Ok(id)
}

fn generate(ctx: &mut Ctx<'_>, t: &SeedThread) -> Result<(), DbError> {
    let tx = ctx.tx;
    let thread_created = ms(ctx.now, t.hours_ago);
    let mut ids: Vec<i64> = Vec::with_capacity(t.generated_replies);
    let mut authors: HashMap<&str, i64> = HashMap::new();
    for phone in CROWD {
        authors.insert(phone, subscriber(tx, phone)?);
    }
    let mut stmt = tx.prepare(
        "INSERT INTO community_replies (thread_id, parent_id, author_id, body, state,
             idempotency_key, fingerprint, created_at)
         VALUES (?1, ?2, ?3, ?4, 'published', ?5, 'seed', ?6)",
    )?;
    for (i, (body, author, parent, minutes)) in
        generated_replies(t.generated_replies, t.hours_ago * 60)
            .into_iter()
            .enumerate()
    {
        stmt.execute(params![
            ctx.thread_id,
            parent.map(|p| ids[p]),
            authors[author],
            body,
            format!("seed:{}:g{i}", ctx.slug),
            thread_created + minutes * 60_000
        ])?;
        ids.push(tx.last_insert_rowid());
        ctx.count += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use care_contract::community::*;

    #[test]
    fn a_thousand_generated_replies_nest_one_level_with_one_long_branch() {
        let replies = generated_replies(1000, 72 * 60);
        assert_eq!(replies.len(), 1000);
        let nested: Vec<usize> = replies.iter().filter_map(|r| r.2).collect();
        for &p in &nested {
            assert!(replies[p].2.is_none(), "nested under a nested reply");
        }
        let under_first = nested.iter().filter(|&&p| p == 0).count();
        assert_eq!(under_first, 40);
        let times: Vec<i64> = replies.iter().map(|r| r.3).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "in time order");
        assert!(times[0] > 0 && times[999] < 72 * 60);
        for (body, ..) in &replies {
            assert!(reply_body(body).is_ok(), "{body}");
        }
    }

    fn each_reply<'a>(replies: &'a [SeedReply], out: &mut Vec<&'a SeedReply>) {
        for r in replies {
            out.push(r);
            each_reply(&r.replies, out);
        }
    }

    #[test]
    fn the_demo_community_reads_and_keeps_every_rule() {
        let data = demo_community().expect("demo_community.json reads");
        let slugs: Vec<&str> = data.boards.iter().map(|b| b.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "tech-support",
                "feature-ideas",
                "events",
                "tutorials",
                "plans",
                "idea-calls"
            ]
        );
        assert_eq!(data.boards[5].kind, BoardKind::IdeaCall);
        let names: Vec<&str> = data.boards.iter().map(|b| b.name_zh.as_str()).collect();
        assert_eq!(
            names,
            [
                "技术支持",
                "新功能建议",
                "社区活动",
                "使用教程",
                "套餐解答",
                "创意征集"
            ]
        );
        let cfg = CommunityConfig::default();
        let phones: Vec<&str> = crate::seed::SUBSCRIBERS.iter().map(|s| s.phone).collect();
        let staff = "13300133000";
        let mut thread_slugs = std::collections::HashSet::new();
        let mut total = 0;
        for t in &data.threads {
            assert!(thread_slugs.insert(&t.slug), "duplicate {}", t.slug);
            assert!(slugs.contains(&t.board.as_str()), "{}", t.slug);
            assert!(phones.contains(&t.author.as_str()), "{}", t.slug);
            assert_eq!(
                title(&t.title).as_deref(),
                Ok(t.title.as_str()),
                "{}",
                t.slug
            );
            assert_eq!(
                thread_body(&t.body).as_deref(),
                Ok(t.body.as_str()),
                "{}",
                t.slug
            );
            assert!(
                cfg.matched_words(&[&t.title, &t.body]).is_empty(),
                "{}",
                t.slug
            );
            if t.board == "idea-calls" {
                assert_eq!(t.author, staff, "staff start idea calls");
            }
            for v in t.votes.up.iter().chain(&t.votes.down) {
                assert_ne!(v, &t.author, "{}: a vote on one's own thread", t.slug);
                assert!(phones.contains(&v.as_str()));
            }
            if let Some(p) = &t.poll {
                assert!((POLL_MIN_OPTIONS..=POLL_MAX_OPTIONS).contains(&p.options.len()));
                assert!(p.options.iter().all(|o| poll_option(o).is_ok()));
                assert!(p.closes_in_days <= POLL_MAX_OPEN_DAYS);
                assert!(p.votes.values().all(|&i| i < p.options.len()));
            }
            let mut all = Vec::new();
            each_reply(&t.replies, &mut all);
            assert!(
                all.iter().filter(|r| r.best).count() <= 1,
                "{}: one best answer",
                t.slug
            );
            for r in &t.replies {
                for child in &r.replies {
                    assert!(child.replies.is_empty(), "{}: one level of nesting", t.slug);
                }
                for (i, child) in r.replies.iter().enumerate() {
                    assert!(child.reply_to.is_none_or(|j| j < i), "{}", t.slug);
                }
                assert!(r.reply_to.is_none());
            }
            for r in &all {
                assert!(phones.contains(&r.author.as_str()), "{}", t.slug);
                assert_eq!(
                    reply_body(&r.body).as_deref(),
                    Ok(r.body.as_str()),
                    "{}",
                    r.body
                );
                assert!(
                    r.hours_ago < t.hours_ago,
                    "{}: a reply before its thread",
                    t.slug
                );
                let held = r.state == Some(PostState::Held);
                assert_eq!(
                    held,
                    !cfg.matched_words(&[&r.body]).is_empty(),
                    "{}: held exactly when a forbidden word is in it",
                    r.body
                );
                assert!(matches!(r.state, None | Some(PostState::Held)));
                for v in r.votes.up.iter().chain(&r.votes.down) {
                    assert_ne!(v, &r.author, "a vote on one's own reply");
                }
                if r.adopted.is_some() {
                    assert_eq!(t.board, "idea-calls");
                }
            }
            total += all.len() + t.generated_replies;
        }
        assert_eq!(
            data.threads
                .iter()
                .filter(|t| t.generated_replies == 1000)
                .count(),
            1
        );
        assert!(data.threads.iter().any(|t| t.poll.is_some()));
        assert!(total > 1000);
    }

    #[test]
    fn the_adopted_suggestion_is_the_one_whose_points_the_mall_seed_holds() {
        use crate::mall::seed::{Amount, HISTORIES};
        use care_contract::mall::LedgerKind;
        let data = demo_community().unwrap();
        let mut adopted = Vec::new();
        for t in &data.threads {
            let mut all = Vec::new();
            each_reply(&t.replies, &mut all);
            adopted.extend(
                all.into_iter()
                    .filter_map(|r| r.adopted.as_ref().map(|a| (r, a))),
            );
        }
        assert_eq!(adopted.len(), 1);
        let (reply, adoption) = adopted[0];
        let history = HISTORIES.iter().find(|h| h.phone == reply.author).unwrap();
        let earning = history
            .earnings
            .iter()
            .find(|e| e.kind == LedgerKind::AdoptedSuggestion)
            .expect("the mall seed credits the adoption");
        assert!(matches!(earning.amount, Amount::Points(p) if p == adoption.points));
        assert_eq!(earning.days_ago as i64 * 24, adoption.hours_ago);
        assert!(reply.body.contains("预约取号") && earning.title_zh.contains("预约取号"));
    }
}
