//! Feedback's words for kinds, categories, statuses, timeline entries and contact choices,
//! and for what the backend refuses, in the user's language. Pure, so tested here.

use care_contract::feedback::{
    ContactMethod, ContactWindow, TicketCategory, TicketEventKind, TicketKind, TicketStatus,
};
use care_contract::ErrorCode;

use super::texts::Texts;
use crate::api::ApiError;

pub fn kind_name(kind: TicketKind, t: &'static Texts) -> &'static str {
    match kind {
        TicketKind::Enquiry => t.kind_enquiry,
        TicketKind::Complaint => t.kind_complaint,
        TicketKind::Suggestion => t.kind_suggestion,
        TicketKind::FaultReport => t.kind_fault_report,
    }
}

/// What each kind is for, under its name on the feedback page.
pub fn kind_hint(kind: TicketKind, t: &'static Texts) -> &'static str {
    match kind {
        TicketKind::Enquiry => t.kind_enquiry_hint,
        TicketKind::Complaint => t.kind_complaint_hint,
        TicketKind::Suggestion => t.kind_suggestion_hint,
        TicketKind::FaultReport => t.kind_fault_report_hint,
    }
}

pub fn category_name(category: TicketCategory, t: &'static Texts) -> &'static str {
    match category {
        TicketCategory::Billing => t.category_billing,
        TicketCategory::PlanAndData => t.category_plan_and_data,
        TicketCategory::NetworkSignal => t.category_network_signal,
        TicketCategory::Broadband => t.category_broadband,
        TicketCategory::ServiceAttitude => t.category_service_attitude,
        TicketCategory::PointsAndMall => t.category_points_and_mall,
        TicketCategory::AppUsage => t.category_app_usage,
        TicketCategory::DataLeak => t.category_data_leak,
        TicketCategory::LargeOutage => t.category_large_outage,
        TicketCategory::Fraud => t.category_fraud,
        TicketCategory::Other => t.category_other,
    }
}

pub fn status_name(status: TicketStatus, t: &'static Texts) -> &'static str {
    match status {
        TicketStatus::Submitted => t.status_submitted,
        TicketStatus::Accepted => t.status_accepted,
        TicketStatus::InProgress => t.status_in_progress,
        TicketStatus::WaitingForCustomer => t.status_waiting_for_customer,
        TicketStatus::Resolved => t.status_resolved,
        TicketStatus::Closed => t.status_closed,
        TicketStatus::Withdrawn => t.status_withdrawn,
    }
}

pub fn event_name(kind: TicketEventKind, t: &'static Texts) -> &'static str {
    match kind {
        TicketEventKind::Submitted => t.event_submitted,
        TicketEventKind::Accepted => t.event_accepted,
        TicketEventKind::Replied => t.event_replied,
        TicketEventKind::AskedCustomer => t.event_asked_customer,
        TicketEventKind::CustomerReplied => t.event_customer_replied,
        TicketEventKind::Resolved => t.event_resolved,
        TicketEventKind::Rated => t.event_rated,
        TicketEventKind::Reopened => t.event_reopened,
        TicketEventKind::Closed => t.event_closed,
        TicketEventKind::Withdrawn => t.event_withdrawn,
        TicketEventKind::WithdrawalUndone => t.event_withdrawal_undone,
    }
}

pub fn contact_method_name(method: ContactMethod, t: &'static Texts) -> &'static str {
    match method {
        ContactMethod::PhoneCall => t.contact_phone_call,
        ContactMethod::Sms => t.contact_sms,
        ContactMethod::InApp => t.contact_in_app,
    }
}

pub fn contact_window_name(window: ContactWindow, t: &'static Texts) -> &'static str {
    match window {
        ContactWindow::AnyTime => t.window_any_time,
        ContactWindow::Morning => t.window_morning,
        ContactWindow::Afternoon => t.window_afternoon,
        ContactWindow::Evening => t.window_evening,
    }
}

/// Why a ticket, a message, a photo or a rating did not go through: feedback's own
/// refusals by name, anything else in the app's general words.
pub fn refusal_text(error: &ApiError, t: &'static Texts) -> &'static str {
    let field = error.details().and_then(|d| d.field);
    let field = field.as_deref();
    match error.code() {
        Some(ErrorCode::TicketNotOpen) => t.refused_ticket_not_open,
        Some(ErrorCode::TicketTransitionForbidden) => t.refused_transition,
        Some(ErrorCode::RatingNotAllowed) => t.refused_rating_not_allowed,
        Some(ErrorCode::AlreadyRated) => t.refused_already_rated,
        Some(ErrorCode::PhotoUnavailable) => t.refused_photo_unavailable,
        Some(ErrorCode::ImageTypeUnsupported) => t.photo_not_a_picture,
        Some(ErrorCode::ImageTooManyPixels) => t.photo_too_big,
        Some(ErrorCode::PayloadTooLarge) => t.photo_too_big,
        Some(ErrorCode::RateLimited) => t.refused_too_often,
        Some(ErrorCode::UndoExpired) => t.refused_undo_expired,
        Some(ErrorCode::InvalidTicket) => match field {
            Some("description") => t.refused_description,
            Some("category") => t.category_missing,
            Some("number_concerned") => t.number_invalid,
            Some("photo_ids") => t.refused_photo_unavailable,
            _ => t.refused_invalid,
        },
        _ => error.message(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Details;
    use crate::feedback::texts::of;
    use crate::i18n::Locale;
    use care_contract::ErrorDetails;

    fn refused(code: ErrorCode, field: Option<&str>) -> ApiError {
        ApiError::Http {
            status: code.http_status(),
            code,
            retry_after_secs: None,
            details: field.map(|f| {
                Details::from(ErrorDetails {
                    field: Some(f.to_owned()),
                    ..ErrorDetails::default()
                })
            }),
        }
    }

    #[test]
    fn feedbacks_refusals_are_named_in_both_languages() {
        let zh = of(Locale::ZhCn);
        let en = of(Locale::En);
        assert_eq!(
            refusal_text(&refused(ErrorCode::UndoExpired, None), zh),
            "已经超过 10 分钟，不能恢复了。需要的话，请重新提交一条。"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::UndoExpired, None), en),
            "More than 10 minutes have passed, so it cannot come back. You can send a new one."
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::TicketNotOpen, None), zh),
            "这个工单已经结束，不能再修改"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::ImageTypeUnsupported, None), en),
            "This file is not a photo. Please choose a JPEG, PNG or WebP picture."
        );
        assert_eq!(
            refusal_text(
                &refused(ErrorCode::InvalidTicket, Some("number_concerned")),
                zh
            ),
            "请填写 11 位手机号，以 1 开头"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::InvalidTicket, Some("description")), en),
            "The description is too short or too long"
        );
    }

    #[test]
    fn other_failures_use_the_apps_general_words() {
        let zh = of(Locale::ZhCn);
        assert_eq!(
            refusal_text(&ApiError::Network, zh),
            ApiError::Network.message(zh)
        );
    }

    #[test]
    fn every_kind_category_and_status_has_words_in_both_languages() {
        for locale in [Locale::ZhCn, Locale::En] {
            let t = of(locale);
            for &kind in TicketKind::ALL {
                assert!(!kind_name(kind, t).is_empty() && !kind_hint(kind, t).is_empty());
            }
            for &category in TicketCategory::ALL {
                assert!(!category_name(category, t).is_empty());
            }
            let statuses: std::collections::BTreeSet<_> = TicketStatus::ALL
                .iter()
                .map(|&s| status_name(s, t))
                .collect();
            assert_eq!(
                statuses.len(),
                TicketStatus::ALL.len(),
                "two statuses read alike"
            );
        }
    }
}
