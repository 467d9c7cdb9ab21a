//! Feedback tickets (反馈工单), under `/api/feedback`: a subscriber opens an enquiry (咨询),
//! complaint (投诉), suggestion (建议) or fault report (故障申报), follows its timeline and
//! deadlines, talks with staff, withdraws it, and rates it once it is resolved (an unhappy
//! rating reopens it as a follow-up). Staff work the queue under `/api/staff/feedback`.
//! A one-tap quick rating (`/api/rate/{token}`) needs no sign-in and says nothing about the
//! ticket or its subscriber.
//!
//! Text is kept as typed, trimmed, limited in characters (see [`crate::community::checked_text`]).
//! Creating a ticket and posting a message carry an `idempotency_key` as a mall redemption
//! does: the same key with the same body answers the original (200, `replayed: true`).
//!
//! A ticket and its photos are served only to their subscriber and to staff; anyone else
//! gets 404. The number concerned is always masked (138****8000).

mod deadlines;
mod photos;
mod rating;
mod tickets;

pub use deadlines::*;
pub use photos::*;
pub use rating::*;
pub use tickets::*;

use crate::community::{checked_text, TextProblem};
use crate::names::named_enum;

/// Shortest and longest description of a new ticket, in characters once trimmed (lines
/// allowed).
pub const DESCRIPTION_MIN_CHARS: usize = 10;
pub const DESCRIPTION_MAX_CHARS: usize = 1000;
/// Shortest and longest message on a ticket (lines allowed). A message may instead be
/// photos only.
pub const MESSAGE_MIN_CHARS: usize = 1;
pub const MESSAGE_MAX_CHARS: usize = 1000;
/// Longest comment with a rating or a quick rating (lines allowed, optional).
pub const COMMENT_MAX_CHARS: usize = 300;
/// Shortest and longest note staff write when resolving (lines allowed).
pub const RESOLVE_NOTE_MIN_CHARS: usize = 2;
pub const RESOLVE_NOTE_MAX_CHARS: usize = 1000;
/// Photos with a new ticket, and with one message.
pub const MAX_PHOTOS: usize = 3;
/// Tickets per page when none is asked for, and at most.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;

named_enum! {
    /// What kind of ticket.
    pub enum TicketKind {
        /// 咨询
        Enquiry,
        /// 投诉
        Complaint,
        /// 建议
        Suggestion,
        /// 故障申报
        FaultReport,
    }
}

named_enum! {
    /// What a ticket is about. Each kind allows some categories ([`TicketKind::categories`]).
    pub enum TicketCategory {
        /// 话费账单
        Billing,
        /// 套餐与流量
        PlanAndData,
        /// 网络信号
        NetworkSignal,
        /// 宽带
        Broadband,
        /// 服务态度
        ServiceAttitude,
        /// 积分与商城
        PointsAndMall,
        /// App 使用
        AppUsage,
        /// 信息泄露 (high risk)
        DataLeak,
        /// 大面积故障 (high risk)
        LargeOutage,
        /// 诈骗 (high risk)
        Fraud,
        /// 其他
        Other,
    }
}

impl TicketCategory {
    /// A category that is always escalated (answered within `high_risk_within_hours`).
    pub const fn is_high_risk(self) -> bool {
        matches!(
            self,
            TicketCategory::DataLeak | TicketCategory::LargeOutage | TicketCategory::Fraud
        )
    }
}

impl TicketKind {
    /// The categories a ticket of this kind may have, in the order the app offers them.
    pub const fn categories(self) -> &'static [TicketCategory] {
        use TicketCategory::*;
        match self {
            TicketKind::Enquiry => &[
                Billing,
                PlanAndData,
                NetworkSignal,
                Broadband,
                PointsAndMall,
                AppUsage,
                Other,
            ],
            TicketKind::Complaint => &[
                Billing,
                PlanAndData,
                NetworkSignal,
                Broadband,
                ServiceAttitude,
                PointsAndMall,
                AppUsage,
                DataLeak,
                LargeOutage,
                Fraud,
                Other,
            ],
            TicketKind::Suggestion => &[
                PlanAndData,
                NetworkSignal,
                Broadband,
                ServiceAttitude,
                PointsAndMall,
                AppUsage,
                Other,
            ],
            TicketKind::FaultReport => &[NetworkSignal, Broadband, LargeOutage, AppUsage, Other],
        }
    }

    /// `category` is one of [`TicketKind::categories`].
    pub fn allows(self, category: TicketCategory) -> bool {
        self.categories().contains(&category)
    }
}

/// A ticket is high risk when its subscriber says so or its category is.
pub const fn is_high_risk(category: TicketCategory, flagged: bool) -> bool {
    flagged || category.is_high_risk()
}

named_enum! {
    /// Where a ticket stands.
    pub enum TicketStatus {
        /// Opened; no staff member holds it yet.
        Submitted,
        /// A staff member holds it (`holder`).
        Accepted,
        /// Staff are working on it (after a reply, a customer's answer or a follow-up).
        InProgress,
        /// Staff asked the customer something; the customer's message moves it back to
        /// `in_progress`.
        WaitingForCustomer,
        /// Staff resolved it; the customer may rate it (an unhappy rating reopens it).
        Resolved,
        /// Done: rated satisfied.
        Closed,
        /// The customer withdrew it before it was resolved.
        Withdrawn,
    }
}

impl TicketStatus {
    /// Still being worked on: messages and withdrawal are possible.
    pub const fn is_open(self) -> bool {
        matches!(
            self,
            TicketStatus::Submitted
                | TicketStatus::Accepted
                | TicketStatus::InProgress
                | TicketStatus::WaitingForCustomer
        )
    }
}

named_enum! {
    /// One entry of a ticket's timeline.
    pub enum TicketEventKind {
        Submitted,
        /// A staff member took it (the holder).
        Accepted,
        /// Staff replied.
        Replied,
        /// Staff asked the customer something.
        AskedCustomer,
        /// The customer wrote (a message).
        CustomerReplied,
        Resolved,
        /// The customer rated it (the note says how).
        Rated,
        /// An unhappy rating reopened it as a follow-up.
        Reopened,
        Closed,
        Withdrawn,
        /// The customer undid their withdrawal (within `undo::UNDO_WINDOW_MINUTES`): the
        /// ticket is back where it was.
        WithdrawalUndone,
    }
}

named_enum! {
    /// Who did something: the customer or staff.
    pub enum ActorRole {
        Customer,
        Staff,
    }
}

named_enum! {
    /// How the customer wants to be contacted.
    pub enum ContactMethod {
        PhoneCall,
        Sms,
        InApp,
    }
}

named_enum! {
    /// When the customer wants to be contacted (China time).
    pub enum ContactWindow {
        AnyTime,
        /// 9:00-12:00
        Morning,
        /// 12:00-18:00
        Afternoon,
        /// 18:00-21:00
        Evening,
    }
}

/// A new ticket's description.
pub fn description(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS, true)
}

/// A message's text (staff and customer alike).
pub fn message_text(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, MESSAGE_MIN_CHARS, MESSAGE_MAX_CHARS, true)
}

/// Staff's note when resolving.
pub fn resolve_note(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, RESOLVE_NOTE_MIN_CHARS, RESOLVE_NOTE_MAX_CHARS, true)
}

/// A rating's optional comment: `None` when absent or blank.
pub fn comment(raw: Option<&str>) -> Result<Option<String>, TextProblem> {
    crate::community::optional_note(raw, COMMENT_MAX_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_data_leak_large_outage_and_fraud_are_high_risk() {
        let risky: Vec<_> = TicketCategory::ALL
            .iter()
            .copied()
            .filter(|c| c.is_high_risk())
            .collect();
        assert_eq!(
            risky,
            [
                TicketCategory::DataLeak,
                TicketCategory::LargeOutage,
                TicketCategory::Fraud
            ]
        );
        assert!(is_high_risk(TicketCategory::Fraud, false));
        assert!(is_high_risk(TicketCategory::Billing, true));
        assert!(!is_high_risk(TicketCategory::Billing, false));
    }

    #[test]
    fn each_kind_has_its_categories_and_every_category_a_kind() {
        use TicketCategory::*;
        assert!(TicketKind::Complaint.allows(DataLeak));
        assert!(TicketKind::Complaint.allows(ServiceAttitude));
        assert!(!TicketKind::Enquiry.allows(DataLeak));
        assert!(!TicketKind::Enquiry.allows(ServiceAttitude));
        assert!(!TicketKind::Suggestion.allows(Fraud));
        assert!(!TicketKind::Suggestion.allows(Billing));
        assert!(TicketKind::FaultReport.allows(Broadband));
        assert!(TicketKind::FaultReport.allows(LargeOutage));
        assert!(!TicketKind::FaultReport.allows(Billing));
        // A complaint may be about anything; every kind allows `other`.
        assert_eq!(TicketKind::Complaint.categories(), TicketCategory::ALL);
        for &kind in TicketKind::ALL {
            assert!(kind.allows(Other), "{kind:?}");
            let cats = kind.categories();
            for (i, c) in cats.iter().enumerate() {
                assert!(!cats[i + 1..].contains(c), "{kind:?} lists {c:?} twice");
            }
        }
    }

    #[test]
    fn only_submitted_accepted_in_progress_and_waiting_are_open() {
        let open: Vec<_> = TicketStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(
            open,
            [
                TicketStatus::Submitted,
                TicketStatus::Accepted,
                TicketStatus::InProgress,
                TicketStatus::WaitingForCustomer
            ]
        );
    }

    #[test]
    fn a_description_is_10_to_1000_characters_with_lines() {
        let chars = |n| "字".repeat(n);
        assert_eq!(description(&chars(9)), Err(TextProblem::TooShort));
        assert_eq!(description(&format!(" {}\n", chars(10))), Ok(chars(10)));
        assert_eq!(description(&chars(1000)), Ok(chars(1000)));
        assert_eq!(description(&chars(1001)), Err(TextProblem::TooLong));
        assert_eq!(
            description("宽带断网\n已经重启过光猫了"),
            Ok("宽带断网\n已经重启过光猫了".into())
        );
        assert_eq!(
            description("宽带断网已经三天了\u{0}"),
            Err(TextProblem::ControlCharacter)
        );
    }

    #[test]
    fn messages_notes_and_comments_have_their_limits() {
        assert_eq!(message_text("  "), Err(TextProblem::TooShort));
        assert_eq!(message_text("好"), Ok("好".into()));
        assert_eq!(message_text(&"字".repeat(1001)), Err(TextProblem::TooLong));
        assert_eq!(resolve_note("好"), Err(TextProblem::TooShort));
        assert_eq!(resolve_note("已处理"), Ok("已处理".into()));
        assert_eq!(comment(None), Ok(None));
        assert_eq!(comment(Some(" ")), Ok(None));
        assert_eq!(comment(Some(&"字".repeat(300))), Ok(Some("字".repeat(300))));
        assert_eq!(comment(Some(&"字".repeat(301))), Err(TextProblem::TooLong));
    }

    #[test]
    fn enums_travel_as_snake_case() {
        assert_eq!(TicketKind::FaultReport.as_str(), "fault_report");
        assert_eq!(TicketCategory::PlanAndData.as_str(), "plan_and_data");
        assert_eq!(
            TicketStatus::WaitingForCustomer.as_str(),
            "waiting_for_customer"
        );
        assert_eq!(TicketEventKind::AskedCustomer.as_str(), "asked_customer");
        assert_eq!(
            TicketEventKind::WithdrawalUndone.as_str(),
            "withdrawal_undone"
        );
        assert_eq!(ContactMethod::PhoneCall.as_str(), "phone_call");
        assert_eq!(ContactWindow::AnyTime.as_str(), "any_time");
        assert_eq!(
            serde_json::to_string(&TicketCategory::LargeOutage).unwrap(),
            "\"large_outage\""
        );
        assert_eq!("data_leak".parse(), Ok(TicketCategory::DataLeak));
    }
}
