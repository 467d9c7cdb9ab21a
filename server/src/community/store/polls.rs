//! Polls inside threads: options, the closing day, one vote per member.

use care_contract::community::{Poll, PollOption, PostState, POLL_MAX_OPEN_DAYS};
use care_contract::time::{china_date, china_midnight};
use care_contract::ErrorCode;
use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::posts::{seen_thread, ThreadFacts};
use super::Ctx;
use crate::mall::clock::from_ms;
use crate::store::StoreError;

/// The instant a poll closing on `closes_on` (the end of that day in China) closes, when
/// that day is today up to `POLL_MAX_OPEN_DAYS` ahead (`closing_date_out_of_range`
/// otherwise).
pub fn closes_at(closes_on: NaiveDate, now_ms: i64) -> Result<i64, StoreError> {
    let today = china_date(from_ms(now_ms));
    let last = today + Days::new(u64::from(POLL_MAX_OPEN_DAYS));
    if closes_on < today || closes_on > last {
        return Err(StoreError::refused(
            ErrorCode::ClosingDateOutOfRange,
            format!(
                "a poll closes from today ({today}) up to {POLL_MAX_OPEN_DAYS} days ahead ({last})"
            ),
        ));
    }
    Ok(china_midnight(closes_on + Days::new(1)).timestamp_millis())
}

/// The options when no two are the same (ignoring case), `duplicate_poll_option` otherwise.
pub fn distinct_options(options: &[String]) -> Result<Vec<String>, StoreError> {
    let folded: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
    for (i, o) in folded.iter().enumerate() {
        if folded[..i].contains(o) {
            return Err(StoreError::refused(
                ErrorCode::DuplicatePollOption,
                format!("option {} repeats an earlier one", i + 1),
            ));
        }
    }
    Ok(options.to_vec())
}

pub fn insert(
    conn: &Connection,
    thread_id: i64,
    options: &[String],
    closes_at: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO community_polls (thread_id, closes_at) VALUES (?1, ?2)",
        params![thread_id, closes_at],
    )?;
    for (position, label) in options.iter().enumerate() {
        conn.execute(
            "INSERT INTO community_poll_options (thread_id, position, label) VALUES (?1, ?2, ?3)",
            params![thread_id, position as i64, label],
        )?;
    }
    Ok(())
}

/// Thread `t`'s poll with its results and the viewer's choice.
pub fn poll(conn: &Connection, ctx: &Ctx<'_>, t: &ThreadFacts) -> Result<Option<Poll>, StoreError> {
    let Some(closes_at) = conn
        .query_row(
            "SELECT closes_at FROM community_polls WHERE thread_id = ?1",
            [t.id],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let options: Vec<PollOption> = {
        let mut stmt = conn.prepare_cached(
            "SELECT o.id, o.label, (SELECT count(*) FROM community_poll_votes v WHERE v.option_id = o.id)
             FROM community_poll_options o WHERE o.thread_id = ?1 ORDER BY o.position",
        )?;
        let rows = stmt
            .query_map([t.id], |r| {
                Ok(PollOption {
                    id: r.get(0)?,
                    label: r.get(1)?,
                    votes: r.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    let my_choice: Option<i64> = conn
        .query_row(
            "SELECT option_id FROM community_poll_votes WHERE thread_id = ?1 AND subscriber_id IS ?2",
            params![t.id, ctx.viewer.id],
            |r| r.get(0),
        )
        .optional()?;
    let closed = ctx.now_ms >= closes_at;
    Ok(Some(Poll {
        total_votes: options.iter().map(|o| o.votes).sum(),
        options,
        closes_at: from_ms(closes_at),
        closed,
        can_vote: ctx.viewer.id.is_some()
            && !closed
            && t.state == PostState::Published
            && my_choice.is_none(),
        my_choice,
    }))
}

/// One vote per member in an open poll of a published thread; the poll after it.
pub fn vote(
    conn: &Connection,
    ctx: &Ctx<'_>,
    thread_id: i64,
    option_id: i64,
) -> Result<Poll, StoreError> {
    let member = ctx.viewer.member()?;
    let t = seen_thread(conn, ctx, thread_id)?;
    let poll = poll(conn, ctx, &t)?.ok_or_else(StoreError::not_found)?;
    if !poll.options.iter().any(|o| o.id == option_id) {
        return Err(StoreError::not_found());
    }
    if t.state != PostState::Published {
        return Err(StoreError::refused(
            ErrorCode::InvalidStatus,
            "only a published thread's poll takes votes",
        ));
    }
    if poll.closed {
        return Err(StoreError::refused(
            ErrorCode::PollClosed,
            "the poll has closed",
        ));
    }
    if poll.my_choice.is_some() {
        return Err(StoreError::refused(
            ErrorCode::AlreadyVoted,
            "one vote per member in a poll",
        ));
    }
    conn.execute(
        "INSERT INTO community_poll_votes (thread_id, subscriber_id, option_id, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![thread_id, member, option_id, ctx.now_ms],
    )?;
    self::poll(conn, ctx, &t)?.ok_or(StoreError::Broken("a poll just voted in is gone"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
    }

    /// Noon in China on 2025-06-d.
    fn noon(d: u32) -> i64 {
        (china_midnight(day(d)) + chrono::Duration::hours(12)).timestamp_millis()
    }

    #[test]
    fn a_poll_closes_at_the_end_of_a_day_from_today_up_to_30_days_ahead() {
        assert_eq!(
            closes_at(day(1), noon(1)).unwrap(),
            china_midnight(day(2)).timestamp_millis()
        );
        let last = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert!(closes_at(last, noon(1)).is_ok());
        for refused in [
            NaiveDate::from_ymd_opt(2025, 5, 31).unwrap(),
            last + Days::new(1),
        ] {
            assert_eq!(
                closes_at(refused, noon(1)).unwrap_err().code(),
                Some(ErrorCode::ClosingDateOutOfRange),
                "{refused}"
            );
        }
        assert_eq!(POLL_MAX_OPEN_DAYS, 30);
    }

    #[test]
    fn today_is_the_date_in_china() {
        // 17:00 UTC on 1 June is already 2 June in China: 1 June is yesterday there.
        let evening = china_midnight(day(2)).timestamp_millis() + 3_600_000;
        assert!(closes_at(day(1), evening).is_err());
        assert!(closes_at(day(2), evening).is_ok());
    }

    #[test]
    fn options_must_differ_ignoring_case() {
        let o = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            distinct_options(&o(&["是", "否"])).unwrap(),
            o(&["是", "否"])
        );
        for same in [o(&["是", "否", "是"]), o(&["Yes", "yes"])] {
            assert_eq!(
                distinct_options(&same).unwrap_err().code(),
                Some(ErrorCode::DuplicatePollOption)
            );
        }
    }
}
