//! The "hot" order of threads: votes, decaying with age.
//!
//! `hot = log10(max(1, 3 + score)) / (age_hours + 2)^1.8`
//!
//! This is Lemmy's published rank (without its constant factor, which changes no order):
//! HN's gravity of 1.8 on the age, so a thread sinks steadily over a day or two; the
//! logarithm of the score, so the first ten votes count as much as the next ninety and an
//! early pile-on cannot pin a thread for days; and the 3 added to the score, so a new
//! thread with no votes starts visible (log10 3) rather than at zero. Scores of -2 and below
//! all rank 0: a disliked thread sinks to the bottom, and (unlike HN's `score / age^1.8`)
//! a negative score never climbs back as it ages. Ties (all the zeros) go newest first in
//! the query.
//!
//! SQLite has no `log10` or `pow` in this build, so the function is registered on every
//! connection ([`register`]) and the query sorts by exactly this code.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

/// Gravity: how fast age pulls a thread down.
pub const GRAVITY: f64 = 1.8;
/// Added to the score so a new thread starts above zero.
pub const SCORE_OFFSET: i64 = 3;
/// Added to the age in hours so a new thread's rank is finite and not too steep.
pub const AGE_OFFSET_HOURS: f64 = 2.0;

const HOUR_MS: f64 = 3_600_000.0;

/// The rank of a thread with `score` that is `age_ms` old (a negative age, from a clock
/// set back, counts as new).
pub fn hot_rank(score: i64, age_ms: i64) -> f64 {
    let votes = (score.saturating_add(SCORE_OFFSET)).max(1) as f64;
    let hours = age_ms.max(0) as f64 / HOUR_MS;
    votes.log10() / (hours + AGE_OFFSET_HOURS).powf(GRAVITY)
}

/// Registers `hot_rank(score, created_at_ms, now_ms)` for SQL.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "hot_rank",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let score: i64 = ctx.get(0)?;
            let created: i64 = ctx.get(1)?;
            let now: i64 = ctx.get(2)?;
            Ok(hot_rank(score, now.saturating_sub(created)))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3_600_000;

    #[test]
    fn a_new_thread_without_votes_ranks_log10_3_over_2_to_the_1_8() {
        let expected = 3f64.log10() / 2f64.powf(1.8);
        assert!((hot_rank(0, 0) - expected).abs() < 1e-12);
        assert!(hot_rank(0, 0) > 0.0);
    }

    #[test]
    fn more_votes_rank_higher_at_the_same_age_but_less_and_less() {
        assert!(hot_rank(1, HOUR) > hot_rank(0, HOUR));
        assert!(hot_rank(10, HOUR) > hot_rank(1, HOUR));
        let first = hot_rank(7, HOUR) - hot_rank(-2, HOUR);
        let next = hot_rank(97, HOUR) - hot_rank(7, HOUR);
        // 1 -> 10 and 10 -> 100 under the log: the same step.
        assert!((first - next).abs() < 1e-12, "{first} {next}");
    }

    #[test]
    fn age_decays_the_rank_so_a_day_old_thread_falls_below_a_new_one_with_fewer_votes() {
        assert!(hot_rank(5, 0) > hot_rank(5, HOUR));
        assert!(hot_rank(5, HOUR) > hot_rank(5, 24 * HOUR));
        assert!(hot_rank(0, 0) > hot_rank(20, 24 * HOUR));
        // The exact decay: (hours + 2)^1.8.
        let ratio = hot_rank(5, 10 * HOUR) / hot_rank(5, 0);
        assert!((ratio - (2f64 / 12f64).powf(1.8)).abs() < 1e-12);
    }

    #[test]
    fn disliked_threads_rank_zero_and_never_climb_with_age() {
        assert_eq!(hot_rank(-2, 0), 0.0);
        assert_eq!(hot_rank(-50, HOUR), 0.0);
        assert_eq!(hot_rank(-50, 1000 * HOUR), 0.0);
        assert!(hot_rank(-1, 0) > 0.0, "score -1: log10(2)");
        assert!(hot_rank(i64::MAX, 0).is_finite());
        assert!(hot_rank(i64::MIN, 0) == 0.0);
    }

    #[test]
    fn a_future_thread_counts_as_new() {
        assert_eq!(hot_rank(3, -HOUR), hot_rank(3, 0));
    }

    #[test]
    fn sql_sorts_by_the_same_function() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let rank: f64 = conn
            .query_row("SELECT hot_rank(4, 0, ?1)", [5 * HOUR], |r| r.get(0))
            .unwrap();
        assert_eq!(rank, hot_rank(4, 5 * HOUR));
    }
}
