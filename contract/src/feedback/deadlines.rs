//! Service levels and deadlines: when a ticket must be answered and resolved, which of the
//! two comes next, whether it is overdue, and when the 15-day appeal notice applies. The
//! server computes these with the operator's numbers ([`ServiceLevels`]) and sends them;
//! the app shows them and may recount overdue against its own clock with the same
//! functions.
//!
//! Deadlines are counted in elapsed hours (UTC instants), so they do not care about
//! midnight, month ends or leap days: 31 January 10:00 + 48 h is 2 February 10:00.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::TicketStatus;
use crate::names::named_enum;

/// The operator's service levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceLevels {
    /// A new ticket is answered (accepted by staff) within this many hours.
    pub respond_within_hours: u32,
    /// A ticket is resolved within this many hours of being opened.
    pub resolve_within_hours: u32,
    /// A high-risk ticket is answered within this many hours.
    pub high_risk_within_hours: u32,
    /// A ticket reopened by an unhappy rating is resolved again within this many hours.
    pub follow_up_within_hours: u32,
    /// Unresolved this many days after it was submitted, the customer may appeal to the
    /// regulator (the app then says so).
    pub appeal_after_days: u32,
}

impl Default for ServiceLevels {
    fn default() -> Self {
        Self {
            respond_within_hours: 24,
            resolve_within_hours: 48,
            high_risk_within_hours: 2,
            follow_up_within_hours: 24,
            appeal_after_days: 15,
        }
    }
}

/// When a ticket must be answered and resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadlines {
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
}

/// The deadlines of a ticket opened (or, for a follow-up, reopened) at `opened_at`.
/// Answer within `respond_within_hours`, or `high_risk_within_hours` when high risk;
/// resolve within `resolve_within_hours`, or `follow_up_within_hours` for a follow-up. The
/// answer is never due after the resolution.
pub fn deadlines(
    opened_at: DateTime<Utc>,
    high_risk: bool,
    follow_up: bool,
    levels: &ServiceLevels,
) -> Deadlines {
    let respond_hours = if high_risk {
        levels.high_risk_within_hours
    } else {
        levels.respond_within_hours
    };
    let resolve_hours = if follow_up {
        levels.follow_up_within_hours
    } else {
        levels.resolve_within_hours
    };
    let resolve_by = opened_at + Duration::hours(i64::from(resolve_hours));
    let respond_by = (opened_at + Duration::hours(i64::from(respond_hours))).min(resolve_by);
    Deadlines {
        respond_by,
        resolve_by,
    }
}

named_enum! {
    /// Which deadline a ticket is working towards.
    pub enum DeadlineKind {
        /// Staff must accept (answer) it by `respond_by`.
        Respond,
        /// Staff must resolve it by `resolve_by`.
        Resolve,
    }
}

/// The deadline a ticket is working towards now, and whether it has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextDeadline {
    pub kind: DeadlineKind,
    pub due_at: DateTime<Utc>,
    /// `now` is after `due_at` (at `due_at` exactly it is not yet overdue).
    pub overdue: bool,
}

/// The next deadline of a ticket in `status`: `respond_by` while submitted, `resolve_by`
/// while accepted or in progress; none while staff wait for the customer, nor once it is
/// resolved, closed or withdrawn.
pub fn next_deadline(
    status: TicketStatus,
    deadlines: &Deadlines,
    now: DateTime<Utc>,
) -> Option<NextDeadline> {
    let (kind, due_at) = match status {
        TicketStatus::Submitted => (DeadlineKind::Respond, deadlines.respond_by),
        TicketStatus::Accepted | TicketStatus::InProgress => {
            (DeadlineKind::Resolve, deadlines.resolve_by)
        }
        TicketStatus::WaitingForCustomer
        | TicketStatus::Resolved
        | TicketStatus::Closed
        | TicketStatus::Withdrawn => return None,
    };
    Some(NextDeadline {
        kind,
        due_at,
        overdue: now > due_at,
    })
}

/// The customer may appeal to the regulator: the ticket is still open (not resolved,
/// closed or withdrawn) and `appeal_after_days` whole days (of 24 h) have passed since it
/// was submitted. At exactly 15 days the notice applies; a second before, it does not.
pub fn appeal_notice(
    status: TicketStatus,
    submitted_at: DateTime<Utc>,
    now: DateTime<Utc>,
    levels: &ServiceLevels,
) -> bool {
    status.is_open() && now >= submitted_at + Duration::days(i64::from(levels.appeal_after_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn levels() -> ServiceLevels {
        ServiceLevels::default()
    }

    #[test]
    fn the_default_levels_are_24_48_2_24_and_15_days() {
        let l = levels();
        assert_eq!(
            (
                l.respond_within_hours,
                l.resolve_within_hours,
                l.high_risk_within_hours,
                l.follow_up_within_hours,
                l.appeal_after_days
            ),
            (24, 48, 2, 24, 15)
        );
    }

    #[test]
    fn an_ordinary_ticket_is_answered_in_24_hours_and_resolved_in_48() {
        let d = deadlines(utc(2026, 3, 10, 9, 30), false, false, &levels());
        assert_eq!(d.respond_by, utc(2026, 3, 11, 9, 30));
        assert_eq!(d.resolve_by, utc(2026, 3, 12, 9, 30));
    }

    #[test]
    fn a_high_risk_ticket_is_answered_in_2_hours() {
        let d = deadlines(utc(2026, 3, 10, 9, 30), true, false, &levels());
        assert_eq!(d.respond_by, utc(2026, 3, 10, 11, 30));
        assert_eq!(d.resolve_by, utc(2026, 3, 12, 9, 30));
    }

    #[test]
    fn a_follow_up_is_resolved_within_its_own_24_hours() {
        let d = deadlines(utc(2026, 3, 10, 9, 30), false, true, &levels());
        assert_eq!(d.resolve_by, utc(2026, 3, 11, 9, 30));
        assert_eq!(d.respond_by, utc(2026, 3, 11, 9, 30));
        let d = deadlines(utc(2026, 3, 10, 9, 30), true, true, &levels());
        assert_eq!(d.respond_by, utc(2026, 3, 10, 11, 30));
        assert_eq!(d.resolve_by, utc(2026, 3, 11, 9, 30));
    }

    #[test]
    fn the_answer_is_never_due_after_the_resolution() {
        let l = ServiceLevels {
            follow_up_within_hours: 4,
            ..levels()
        };
        let d = deadlines(utc(2026, 3, 10, 9, 30), false, true, &l);
        assert_eq!(d.respond_by, utc(2026, 3, 10, 13, 30));
        assert_eq!(d.resolve_by, utc(2026, 3, 10, 13, 30));
    }

    #[test]
    fn deadlines_run_across_midnight_in_utc_and_in_china() {
        // 23:30 in China (15:30 UTC) + 2 h is 01:30 the next China day.
        let d = deadlines(utc(2026, 5, 6, 15, 30), true, false, &levels());
        assert_eq!(d.respond_by, utc(2026, 5, 6, 17, 30));
        assert_eq!(
            crate::time::china_date(d.respond_by),
            chrono::NaiveDate::from_ymd_opt(2026, 5, 7).unwrap()
        );
        let d = deadlines(utc(2026, 5, 6, 23, 0), false, false, &levels());
        assert_eq!(d.respond_by, utc(2026, 5, 7, 23, 0));
    }

    #[test]
    fn deadlines_run_across_month_ends_and_leap_days() {
        // 31 January + 48 h.
        let d = deadlines(utc(2026, 1, 31, 10, 0), false, false, &levels());
        assert_eq!(d.resolve_by, utc(2026, 2, 2, 10, 0));
        // 28 February in a common year runs into March ...
        let d = deadlines(utc(2026, 2, 28, 10, 0), false, false, &levels());
        assert_eq!(d.respond_by, utc(2026, 3, 1, 10, 0));
        assert_eq!(d.resolve_by, utc(2026, 3, 2, 10, 0));
        // ... and in a leap year through 29 February.
        let d = deadlines(utc(2028, 2, 28, 10, 0), false, false, &levels());
        assert_eq!(d.respond_by, utc(2028, 2, 29, 10, 0));
        assert_eq!(d.resolve_by, utc(2028, 3, 1, 10, 0));
        // The year's end.
        let d = deadlines(utc(2026, 12, 31, 12, 0), false, false, &levels());
        assert_eq!(d.resolve_by, utc(2027, 1, 2, 12, 0));
    }

    #[test]
    fn the_next_deadline_follows_the_status() {
        let d = deadlines(utc(2026, 3, 10, 9, 0), false, false, &levels());
        let now = utc(2026, 3, 10, 10, 0);
        let next = |s| next_deadline(s, &d, now).map(|n| (n.kind, n.due_at));
        assert_eq!(
            next(TicketStatus::Submitted),
            Some((DeadlineKind::Respond, d.respond_by))
        );
        assert_eq!(
            next(TicketStatus::Accepted),
            Some((DeadlineKind::Resolve, d.resolve_by))
        );
        assert_eq!(
            next(TicketStatus::InProgress),
            Some((DeadlineKind::Resolve, d.resolve_by))
        );
        for s in [
            TicketStatus::WaitingForCustomer,
            TicketStatus::Resolved,
            TicketStatus::Closed,
            TicketStatus::Withdrawn,
        ] {
            assert_eq!(next(s), None, "{s:?}");
        }
    }

    #[test]
    fn overdue_is_strictly_after_the_deadline() {
        let d = deadlines(utc(2026, 1, 31, 10, 0), false, false, &levels());
        let at = |now| {
            next_deadline(TicketStatus::InProgress, &d, now)
                .unwrap()
                .overdue
        };
        assert!(!at(utc(2026, 2, 2, 9, 59)));
        assert!(!at(utc(2026, 2, 2, 10, 0)));
        assert!(at(utc(2026, 2, 2, 10, 0) + Duration::seconds(1)));
        let at = |now| {
            next_deadline(TicketStatus::Submitted, &d, now)
                .unwrap()
                .overdue
        };
        assert!(!at(utc(2026, 2, 1, 10, 0)));
        assert!(at(utc(2026, 2, 1, 10, 1)));
    }

    #[test]
    fn the_appeal_notice_applies_from_exactly_15_days_while_open() {
        let submitted = utc(2026, 2, 20, 8, 0);
        let l = levels();
        // 15 days from 20 Feb in a common year is 7 March.
        let due = utc(2026, 3, 7, 8, 0);
        assert!(!appeal_notice(
            TicketStatus::InProgress,
            submitted,
            due - Duration::seconds(1),
            &l
        ));
        assert!(appeal_notice(TicketStatus::InProgress, submitted, due, &l));
        assert!(appeal_notice(TicketStatus::Submitted, submitted, due, &l));
        assert!(appeal_notice(
            TicketStatus::WaitingForCustomer,
            submitted,
            due,
            &l
        ));
        for s in [
            TicketStatus::Resolved,
            TicketStatus::Closed,
            TicketStatus::Withdrawn,
        ] {
            assert!(!appeal_notice(s, submitted, due + Duration::days(30), &l));
        }
        // In a leap year the same dates are a day further apart.
        let submitted = utc(2028, 2, 20, 8, 0);
        assert!(!appeal_notice(
            TicketStatus::Accepted,
            submitted,
            utc(2028, 3, 6, 7, 59),
            &l
        ));
        assert!(appeal_notice(
            TicketStatus::Accepted,
            submitted,
            utc(2028, 3, 6, 8, 0),
            &l
        ));
    }
}
