//! Rate limits per member: new threads in a rolling hour, replies in a rolling minute.
//! Staff are not limited; a replayed request never counts (its key is looked at first).

use care_contract::ErrorCode;
use rusqlite::{params, Connection};

use super::Ctx;
use crate::store::StoreError;

pub const HOUR_MS: i64 = 3_600_000;
pub const MINUTE_MS: i64 = 60_000;

/// When the next post may come, given the times of the member's posts in the window
/// (`None`: now). `limit` 0 means no limit.
pub fn next_allowed(times: &[i64], limit: u32, window_ms: i64, now_ms: i64) -> Option<i64> {
    if limit == 0 {
        return None;
    }
    let mut recent: Vec<i64> = times
        .iter()
        .copied()
        .filter(|&t| t > now_ms - window_ms)
        .collect();
    if recent.len() < limit as usize {
        return None;
    }
    // Newest first: the post that must leave the window is the limit-th newest.
    recent.sort_unstable_by(|a, b| b.cmp(a));
    Some(recent[limit as usize - 1] + window_ms)
}

/// Refuses with `rate_limited` (and when to retry) when the limit is reached.
fn check(
    sql: &str,
    ctx: &Ctx<'_>,
    conn: &Connection,
    limit: u32,
    window_ms: i64,
) -> Result<(), StoreError> {
    let member = ctx.viewer.member()?;
    if ctx.viewer.is_staff || limit == 0 {
        return Ok(());
    }
    let times: Vec<i64> = {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(params![member, ctx.now_ms - window_ms], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    match next_allowed(&times, limit, window_ms, ctx.now_ms) {
        None => Ok(()),
        Some(at) => {
            let secs = (at - ctx.now_ms + 999) / 1000;
            Err(StoreError::refused(
                ErrorCode::RateLimited,
                format!("at most {limit} in {} seconds", window_ms / 1000),
            )
            .with_retry_after(u32::try_from(secs).unwrap_or(u32::MAX)))
        }
    }
}

pub fn check_thread_rate(conn: &Connection, ctx: &Ctx<'_>) -> Result<(), StoreError> {
    check(
        "SELECT created_at FROM community_threads WHERE author_id = ?1 AND created_at > ?2",
        ctx,
        conn,
        ctx.cfg.threads_per_hour,
        HOUR_MS,
    )
}

pub fn check_reply_rate(conn: &Connection, ctx: &Ctx<'_>) -> Result<(), StoreError> {
    check(
        "SELECT created_at FROM community_replies WHERE author_id = ?1 AND created_at > ?2",
        ctx,
        conn,
        ctx.cfg.replies_per_minute,
        MINUTE_MS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_the_limit_a_post_may_come_now() {
        assert_eq!(next_allowed(&[], 1, HOUR_MS, 0), None);
        assert_eq!(next_allowed(&[10, 20], 3, HOUR_MS, 30), None);
        assert_eq!(
            next_allowed(&[10, 20, 30], 0, HOUR_MS, 30),
            None,
            "0: no limit"
        );
    }

    #[test]
    fn at_the_limit_the_next_post_waits_until_the_oldest_counted_one_leaves_the_window() {
        let now = 10 * HOUR_MS;
        let times = [now - 50 * MINUTE_MS, now - 10 * MINUTE_MS, now - MINUTE_MS];
        assert_eq!(
            next_allowed(&times, 3, HOUR_MS, now),
            Some(now + 10 * MINUTE_MS)
        );
        assert_eq!(
            next_allowed(&times, 2, HOUR_MS, now),
            Some(now + 50 * MINUTE_MS),
            "over the limit: the second newest must leave first"
        );
    }

    #[test]
    fn posts_older_than_the_window_do_not_count() {
        let now = 10 * HOUR_MS;
        assert_eq!(next_allowed(&[now - HOUR_MS], 1, HOUR_MS, now), None);
        assert_eq!(
            next_allowed(&[now - HOUR_MS + 1], 1, HOUR_MS, now),
            Some(now + 1)
        );
    }
}
