//! The home page's one summary: the greeting, today's moments (delivered once, here), the
//! points and what expires soon (the mall's rules), the tickets waiting for the customer
//! and the unread care messages. It delivers and writes due expiries, so it needs a write
//! transaction.

use care_contract::care::{ExpiringPoints, HomeSummary, Moment, PartOfDay};
use care_contract::feedback::TicketStatus;
use care_contract::points;
use care_contract::time::china_time;
use chrono::{DateTime, Timelike, Utc};
use rusqlite::{params, Connection};

use super::deliver::deliver_moments;
use super::{inbox, profile};
use crate::care::config::CareConfig;
use crate::mall::store::points::{materialize_expiry, open_lots};
use crate::mall::MallConfig;
use crate::store::StoreError;

pub fn summary(
    conn: &Connection,
    subscriber_id: i64,
    now: DateTime<Utc>,
    care: &CareConfig,
    mall: &MallConfig,
) -> Result<HomeSummary, StoreError> {
    let (_, nickname) = profile(conn, subscriber_id)?;
    let clock = china_time(now);
    let today = clock.date();
    let mut moments = Vec::new();
    for (m, delivery) in deliver_moments(conn, subscriber_id, now, care)? {
        let message_id = delivery.message_id();
        let gift_points = match message_id {
            Some(id) => inbox::one(conn, subscriber_id, id)?
                .gift
                .filter(|g| g.claimed_at.is_none() && g.claim_by >= now)
                .map(|g| g.points),
            None => None,
        };
        moments.push(Moment {
            kind: m.kind,
            params: m.params,
            message_id,
            gift_points,
        });
    }
    materialize_expiry(conn, subscriber_id, today)?;
    let lots = open_lots(conn, subscriber_id)?;
    let (tickets_waiting, first_waiting_ticket_id): (u32, Option<i64>) = conn.query_row(
        "SELECT COUNT(*), MIN(id) FROM feedback_tickets WHERE subscriber_id = ?1 AND status = ?2",
        params![subscriber_id, TicketStatus::WaitingForCustomer.as_str()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(HomeSummary {
        nickname,
        part_of_day: PartOfDay::at_hour(clock.hour()),
        today,
        moments,
        points_balance: points::balance(&lots, today),
        points_expiring: points::expiring_within(&lots, today, mall.expiry_reminder_days).map(
            |e| ExpiringPoints {
                points: e.points,
                on: e.date,
            },
        ),
        tickets_waiting,
        first_waiting_ticket_id,
        unread_messages: inbox::unread(conn, subscriber_id)?,
    })
}
