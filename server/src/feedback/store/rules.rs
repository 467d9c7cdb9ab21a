//! Who may do what with a ticket, and where each action takes it: plain functions of its
//! status, its subscriber and the viewer, tested one by one. The SQL of the lists says the
//! same once: [`OPEN_SQL`] and [`NEXT_DUE_SQL`].

use care_contract::feedback::{TicketActions, TicketStatus};
use care_contract::undo::{can_undo, UNDO_WINDOW_MINUTES};
use care_contract::ErrorCode;
use chrono::{DateTime, Utc};

use crate::community::store::Viewer;
use crate::store::StoreError;

/// Staff's actions on a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    Accept,
    Reply,
    Ask,
    Resolve,
}

impl StaffAction {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffAction::Accept => "accept",
            StaffAction::Reply => "reply",
            StaffAction::Ask => "ask",
            StaffAction::Resolve => "resolve",
        }
    }
}

/// The viewer sees the ticket: its subscriber or staff (anyone else: not found).
pub fn may_see(owner_id: i64, viewer: &Viewer) -> bool {
    viewer.is(owner_id) || viewer.is_staff
}

/// Where a staff action takes a ticket in `status`, or `ticket_transition_forbidden`.
/// Accept a submitted ticket; reply, ask or resolve one that is held and open.
pub fn after_staff(action: StaffAction, status: TicketStatus) -> Result<TicketStatus, StoreError> {
    use TicketStatus::*;
    let held = matches!(status, Accepted | InProgress | WaitingForCustomer);
    let next = match action {
        StaffAction::Accept if status == Submitted => Some(Accepted),
        StaffAction::Reply if held => Some(InProgress),
        StaffAction::Ask if held => Some(WaitingForCustomer),
        StaffAction::Resolve if held => Some(Resolved),
        _ => None,
    };
    next.ok_or_else(|| {
        StoreError::refused(
            ErrorCode::TicketTransitionForbidden,
            format!(
                "cannot {} a ticket that is {}",
                action.as_str(),
                status.as_str()
            ),
        )
    })
}

fn not_open(what: &str, status: TicketStatus) -> StoreError {
    StoreError::refused(
        ErrorCode::TicketNotOpen,
        format!("cannot {what} a ticket that is {}", status.as_str()),
    )
}

/// Where the customer's message takes an open ticket: back to `in_progress` when staff
/// were waiting for it, otherwise where it was; `ticket_not_open` when finished.
pub fn after_customer_message(status: TicketStatus) -> Result<TicketStatus, StoreError> {
    match status {
        TicketStatus::WaitingForCustomer => Ok(TicketStatus::InProgress),
        s if s.is_open() => Ok(s),
        s => Err(not_open("write to", s)),
    }
}

/// The customer withdraws an open ticket; a resolved, closed or withdrawn one is
/// `ticket_not_open`.
pub fn after_withdraw(status: TicketStatus) -> Result<TicketStatus, StoreError> {
    if status.is_open() {
        Ok(TicketStatus::Withdrawn)
    } else {
        Err(not_open("withdraw", status))
    }
}

/// Where undoing the withdrawal takes a ticket at `now`: back to `before`, the status it
/// had when it was withdrawn at `withdrawn_at`. A ticket that is not withdrawn is
/// `ticket_transition_forbidden`; one withdrawn `UNDO_WINDOW_MINUTES` ago or more (or at
/// a time not kept) is `undo_expired`.
pub fn after_undo_withdrawal(
    status: TicketStatus,
    withdrawn_at: Option<DateTime<Utc>>,
    before: Option<TicketStatus>,
    now: DateTime<Utc>,
) -> Result<TicketStatus, StoreError> {
    if status != TicketStatus::Withdrawn {
        return Err(StoreError::refused(
            ErrorCode::TicketTransitionForbidden,
            format!(
                "cannot undo the withdrawal of a ticket that is {}",
                status.as_str()
            ),
        ));
    }
    match (withdrawn_at, before) {
        (Some(at), Some(before)) if can_undo(at, now) => Ok(before),
        _ => Err(StoreError::refused(
            ErrorCode::UndoExpired,
            format!("a withdrawal can be undone for {UNDO_WINDOW_MINUTES} minutes"),
        )),
    }
}

/// Only a resolved ticket can be rated (rating moves it on, so once per resolution).
pub fn may_rate(status: TicketStatus) -> Result<(), StoreError> {
    if status == TicketStatus::Resolved {
        Ok(())
    } else {
        Err(StoreError::refused(
            ErrorCode::RatingNotAllowed,
            format!("a ticket that is {} cannot be rated", status.as_str()),
        ))
    }
}

/// What the viewer may do with the ticket now.
pub fn actions(status: TicketStatus, owner_id: i64, viewer: &Viewer) -> TicketActions {
    let own = viewer.is(owner_id);
    let staff = viewer.is_staff;
    TicketActions {
        can_message: own && after_customer_message(status).is_ok(),
        can_withdraw: own && after_withdraw(status).is_ok(),
        // Needs when it was withdrawn: set with the detail's `undo_until`.
        can_undo_withdrawal: false,
        can_rate: own && may_rate(status).is_ok(),
        can_accept: staff && after_staff(StaffAction::Accept, status).is_ok(),
        can_reply: staff && after_staff(StaffAction::Reply, status).is_ok(),
        can_resolve: staff && after_staff(StaffAction::Resolve, status).is_ok(),
    }
}

/// [`TicketStatus::is_open`] over `t.status`.
pub const OPEN_SQL: &str =
    "t.status IN ('submitted', 'accepted', 'in_progress', 'waiting_for_customer')";

/// `care_contract::feedback::next_deadline`'s instant over `t` (NULL: none).
pub const NEXT_DUE_SQL: &str = "CASE t.status WHEN 'submitted' THEN t.respond_by \
     WHEN 'accepted' THEN t.resolve_by WHEN 'in_progress' THEN t.resolve_by END";

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus::*;

    const OWNER: Viewer = Viewer {
        id: Some(1),
        is_staff: false,
    };
    const OTHER: Viewer = Viewer {
        id: Some(2),
        is_staff: false,
    };
    const STAFF: Viewer = Viewer {
        id: Some(3),
        is_staff: true,
    };

    fn code<T: std::fmt::Debug>(r: Result<T, StoreError>) -> ErrorCode {
        r.unwrap_err().code().unwrap()
    }

    #[test]
    fn only_its_subscriber_and_staff_see_a_ticket() {
        assert!(may_see(1, &OWNER));
        assert!(may_see(1, &STAFF));
        assert!(!may_see(1, &OTHER));
        assert!(!may_see(1, &Viewer::ANONYMOUS));
    }

    #[test]
    fn staff_accept_a_submitted_ticket_only() {
        assert_eq!(
            after_staff(StaffAction::Accept, Submitted).unwrap(),
            Accepted
        );
        for s in [
            Accepted,
            InProgress,
            WaitingForCustomer,
            Resolved,
            Closed,
            Withdrawn,
        ] {
            assert_eq!(
                code(after_staff(StaffAction::Accept, s)),
                ErrorCode::TicketTransitionForbidden,
                "{s:?}"
            );
        }
    }

    #[test]
    fn staff_reply_ask_and_resolve_only_a_held_open_ticket() {
        for s in [Accepted, InProgress, WaitingForCustomer] {
            assert_eq!(after_staff(StaffAction::Reply, s).unwrap(), InProgress);
            assert_eq!(
                after_staff(StaffAction::Ask, s).unwrap(),
                WaitingForCustomer
            );
            assert_eq!(after_staff(StaffAction::Resolve, s).unwrap(), Resolved);
        }
        for s in [Submitted, Resolved, Closed, Withdrawn] {
            for a in [StaffAction::Reply, StaffAction::Ask, StaffAction::Resolve] {
                assert_eq!(
                    code(after_staff(a, s)),
                    ErrorCode::TicketTransitionForbidden,
                    "{a:?} {s:?}"
                );
            }
        }
    }

    #[test]
    fn a_refusal_names_the_action_and_the_status() {
        let message = |r: Result<TicketStatus, StoreError>| match r.unwrap_err() {
            StoreError::Refused(body) => body.message,
            other => panic!("{other}"),
        };
        assert_eq!(
            message(after_staff(StaffAction::Accept, Closed)),
            "cannot accept a ticket that is closed"
        );
        assert_eq!(
            message(after_staff(StaffAction::Reply, Submitted)),
            "cannot reply a ticket that is submitted"
        );
        assert_eq!(
            message(after_staff(StaffAction::Ask, Withdrawn)),
            "cannot ask a ticket that is withdrawn"
        );
        assert_eq!(
            message(after_staff(StaffAction::Resolve, Resolved)),
            "cannot resolve a ticket that is resolved"
        );
        assert_eq!(
            message(after_withdraw(Resolved)),
            "cannot withdraw a ticket that is resolved"
        );
    }

    #[test]
    fn a_customer_message_answers_staff_and_needs_an_open_ticket() {
        assert_eq!(
            after_customer_message(WaitingForCustomer).unwrap(),
            InProgress
        );
        for s in [Submitted, Accepted, InProgress] {
            assert_eq!(after_customer_message(s).unwrap(), s);
        }
        for s in [Resolved, Closed, Withdrawn] {
            assert_eq!(code(after_customer_message(s)), ErrorCode::TicketNotOpen);
        }
    }

    #[test]
    fn only_an_open_ticket_is_withdrawn() {
        for s in [Submitted, Accepted, InProgress, WaitingForCustomer] {
            assert_eq!(after_withdraw(s).unwrap(), Withdrawn);
        }
        for s in [Resolved, Closed, Withdrawn] {
            assert_eq!(code(after_withdraw(s)), ErrorCode::TicketNotOpen);
        }
    }

    #[test]
    fn undoing_a_withdrawal_puts_the_ticket_back_where_it_was_for_ten_minutes() {
        use chrono::{Duration, TimeZone};
        let at = Utc.with_ymd_and_hms(2026, 1, 30, 2, 0, 0).unwrap();
        let last = at + Duration::minutes(10) - Duration::milliseconds(1);
        for before in [Submitted, Accepted, InProgress, WaitingForCustomer] {
            assert_eq!(
                after_undo_withdrawal(Withdrawn, Some(at), Some(before), at).unwrap(),
                before
            );
            assert_eq!(
                after_undo_withdrawal(Withdrawn, Some(at), Some(before), last).unwrap(),
                before
            );
        }
        let ten = at + Duration::minutes(10);
        assert_eq!(
            code(after_undo_withdrawal(
                Withdrawn,
                Some(at),
                Some(Submitted),
                ten
            )),
            ErrorCode::UndoExpired
        );
        // A withdrawal from before the time was kept is too old to undo.
        assert_eq!(
            code(after_undo_withdrawal(Withdrawn, None, None, at)),
            ErrorCode::UndoExpired
        );
        assert_eq!(
            code(after_undo_withdrawal(Withdrawn, Some(at), None, at)),
            ErrorCode::UndoExpired
        );
        assert_eq!(
            code(after_undo_withdrawal(Withdrawn, None, Some(Submitted), at)),
            ErrorCode::UndoExpired
        );
    }

    #[test]
    fn only_a_withdrawn_ticket_has_a_withdrawal_to_undo() {
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 1, 30, 2, 0, 0).unwrap();
        for s in [
            Submitted,
            Accepted,
            InProgress,
            WaitingForCustomer,
            Resolved,
            Closed,
        ] {
            assert_eq!(
                code(after_undo_withdrawal(s, Some(at), Some(Submitted), at)),
                ErrorCode::TicketTransitionForbidden,
                "{s:?}"
            );
        }
    }

    #[test]
    fn only_a_resolved_ticket_is_rated() {
        assert!(may_rate(Resolved).is_ok());
        for s in [
            Submitted,
            Accepted,
            InProgress,
            WaitingForCustomer,
            Closed,
            Withdrawn,
        ] {
            assert_eq!(code(may_rate(s)), ErrorCode::RatingNotAllowed);
        }
    }

    #[test]
    fn the_actions_are_the_owners_or_staffs() {
        let a = actions(WaitingForCustomer, 1, &OWNER);
        assert!(a.can_message && a.can_withdraw && !a.can_rate);
        assert!(!a.can_accept && !a.can_reply && !a.can_resolve);
        let a = actions(Resolved, 1, &OWNER);
        assert!(!a.can_message && !a.can_withdraw && a.can_rate);
        let a = actions(Submitted, 1, &STAFF);
        assert!(a.can_accept && !a.can_reply && !a.can_resolve && !a.can_message);
        let a = actions(InProgress, 1, &STAFF);
        assert!(!a.can_accept && a.can_reply && a.can_resolve && !a.can_rate);
        assert_eq!(actions(InProgress, 1, &OTHER), TicketActions::default());
        assert_eq!(actions(Closed, 1, &OWNER), TicketActions::default());
    }

    #[test]
    fn the_sql_says_what_the_rules_say() {
        for &s in TicketStatus::ALL {
            assert_eq!(OPEN_SQL.contains(&format!("'{}'", s.as_str())), s.is_open());
            let has_deadline = care_contract::feedback::next_deadline(
                s,
                &care_contract::feedback::Deadlines {
                    respond_by: chrono::Utc::now(),
                    resolve_by: chrono::Utc::now(),
                },
                chrono::Utc::now(),
            )
            .is_some();
            assert_eq!(
                NEXT_DUE_SQL.contains(&format!("'{}'", s.as_str())),
                has_deadline,
                "{s:?}"
            );
        }
    }
}
