//! My service report (我的服务报告) for a quarter that has ended: each number counted from
//! the records themselves over the quarter's China-time days.

use care_contract::care::{quarter_end_exclusive, quarter_start, MonthPoints, QuarterReport};
use care_contract::mall::LedgerKind;
use care_contract::time::china_midnight;
use care_contract::ErrorCode;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection};

use crate::store::StoreError;

/// [from, to) in Unix ms for the China days [first, end).
fn span(first: NaiveDate, end: NaiveDate) -> (i64, i64) {
    (
        china_midnight(first).timestamp_millis(),
        china_midnight(end).timestamp_millis(),
    )
}

/// Points earned (every positive entry) and spent (redemptions and donations) in a span.
fn points_in(
    conn: &Connection,
    who: i64,
    (from, to): (i64, i64),
) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN points > 0 THEN points END), 0),
                COALESCE(-SUM(CASE WHEN kind IN (?4, ?5) THEN points END), 0)
         FROM point_ledger WHERE subscriber_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3",
        params![
            who,
            from,
            to,
            LedgerKind::Redemption.as_str(),
            LedgerKind::Donation.as_str()
        ],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

fn count(
    conn: &Connection,
    sql: &str,
    who: i64,
    (from, to): (i64, i64),
) -> Result<u32, StoreError> {
    Ok(conn.query_row(sql, params![who, from, to], |r| r.get(0))?)
}

/// The report of `year`'s `quarter` at `today` (China date): `quarter_not_over` until the
/// quarter has ended.
pub fn report(
    conn: &Connection,
    who: i64,
    year: i32,
    quarter: u8,
    today: NaiveDate,
) -> Result<QuarterReport, StoreError> {
    let (first, end) = quarter_start(year, quarter)
        .zip(quarter_end_exclusive(year, quarter))
        .ok_or_else(|| StoreError::bad_request("no such quarter"))?;
    if today < end {
        return Err(StoreError::refused(
            ErrorCode::QuarterNotOver,
            "the quarter has not ended yet",
        ));
    }
    let whole = span(first, end);
    let mut months = Vec::with_capacity(3);
    for i in 0..3 {
        let month = first + Months::new(i);
        let (earned, spent) = points_in(conn, who, span(month, month + Months::new(1)))?;
        months.push(MonthPoints {
            month: month.month(),
            earned,
            spent,
        });
    }
    let (points_earned, points_spent) = points_in(conn, who, whole)?;
    Ok(QuarterReport {
        year,
        quarter,
        points_earned,
        points_spent,
        tickets_opened: count(
            conn,
            "SELECT COUNT(*) FROM feedback_tickets
             WHERE subscriber_id = ?1 AND created_at >= ?2 AND created_at < ?3",
            who,
            whole,
        )?,
        tickets_resolved: count(
            conn,
            "SELECT COUNT(DISTINCT e.ticket_id) FROM feedback_events e
             JOIN feedback_tickets t ON t.id = e.ticket_id
             WHERE t.subscriber_id = ?1 AND e.kind = 'resolved' AND e.at >= ?2 AND e.at < ?3",
            who,
            whole,
        )?,
        threads_started: count(
            conn,
            "SELECT COUNT(*) FROM community_threads
             WHERE author_id = ?1 AND state IN ('published', 'held')
               AND created_at >= ?2 AND created_at < ?3",
            who,
            whole,
        )?,
        replies_received: count(
            conn,
            "SELECT COUNT(*) FROM community_replies r
             JOIN community_threads t ON t.id = r.thread_id
             WHERE t.author_id = ?1 AND r.author_id <> ?1 AND r.state = 'published'
               AND r.created_at >= ?2 AND r.created_at < ?3",
            who,
            whole,
        )?,
        votes_received: count(
            conn,
            "SELECT COUNT(*) FROM community_votes v
             WHERE v.value = 1 AND v.subscriber_id <> ?1 AND v.created_at >= ?2 AND v.created_at < ?3
               AND ((v.post_kind = 'thread'
                     AND v.post_id IN (SELECT id FROM community_threads WHERE author_id = ?1))
                 OR (v.post_kind = 'reply'
                     AND v.post_id IN (SELECT id FROM community_replies WHERE author_id = ?1)))",
            who,
            whole,
        )?,
        months,
    })
}
