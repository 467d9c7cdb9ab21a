//! What the new-ticket form holds, as its draft keeps it (photos by the ids the backend
//! gave them, so a reload keeps them too), and the plain rules that check it against the
//! contract before anything is sent.

use care_contract::feedback::{
    ContactMethod, ContactWindow, NewTicketRequest, Photo, TicketCategory, TicketKind,
    DESCRIPTION_MAX_CHARS, DESCRIPTION_MIN_CHARS, MAX_PHOTOS,
};
use care_contract::phone::normalize_phone;
use serde::{Deserialize, Serialize};

use crate::widgets::length::{check_length, LengthProblem};

/// Everything the form holds, as the draft keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketDraft {
    pub kind: Option<TicketKind>,
    pub category: Option<TicketCategory>,
    pub description: String,
    /// The subscriber says it is urgent and about safety.
    pub high_risk: bool,
    /// Uploaded already, in the order they were added.
    pub photos: Vec<Photo>,
    /// The ticket is about a family member's number, typed in `family_number`.
    pub for_family: bool,
    pub family_number: String,
    pub contact_method: ContactMethod,
    pub contact_window: ContactWindow,
}

impl Default for TicketDraft {
    fn default() -> Self {
        Self {
            kind: None,
            category: None,
            description: String::new(),
            high_risk: false,
            photos: Vec::new(),
            for_family: false,
            family_number: String::new(),
            contact_method: ContactMethod::PhoneCall,
            contact_window: ContactWindow::AnyTime,
        }
    }
}

impl TicketDraft {
    /// Chooses a kind; a category the new kind does not have is dropped.
    pub fn choose_kind(&mut self, kind: TicketKind) {
        self.kind = Some(kind);
        if self.category.is_some_and(|c| !kind.allows(c)) {
            self.category = None;
        }
    }

    /// Room for another photo.
    pub fn can_add_photo(&self) -> bool {
        self.photos.len() < MAX_PHOTOS
    }

    /// The ticket will be escalated: flagged, or a high-risk category.
    pub fn escalated(&self) -> bool {
        care_contract::feedback::is_high_risk(
            self.category.unwrap_or(TicketCategory::Other),
            self.high_risk,
        )
    }
}

/// What is wrong with the form, field by field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormProblems {
    pub kind: bool,
    pub category: bool,
    pub description: Option<LengthProblem>,
    pub family_number: bool,
}

impl FormProblems {
    pub fn is_empty(&self) -> bool {
        *self == FormProblems::default()
    }
}

/// Checks the draft against the contract's rules.
pub fn check(draft: &TicketDraft) -> FormProblems {
    FormProblems {
        kind: draft.kind.is_none(),
        category: match (draft.kind, draft.category) {
            (Some(kind), Some(category)) => !kind.allows(category),
            _ => true,
        },
        description: check_length(
            &draft.description,
            DESCRIPTION_MIN_CHARS,
            DESCRIPTION_MAX_CHARS,
        )
        .err(),
        family_number: draft.for_family && normalize_phone(&draft.family_number).is_err(),
    }
}

/// The request the draft makes (its key is `SubmitOnce`'s), once [`check`] finds nothing.
pub fn request(draft: &TicketDraft) -> Option<NewTicketRequest> {
    if !check(draft).is_empty() {
        return None;
    }
    Some(NewTicketRequest {
        kind: draft.kind?,
        category: draft.category?,
        description: draft.description.trim().to_owned(),
        high_risk: draft.high_risk,
        photo_ids: draft.photos.iter().map(|p| p.id).collect(),
        number_concerned: if draft.for_family {
            normalize_phone(&draft.family_number).ok()
        } else {
            None
        },
        contact_method: draft.contact_method,
        contact_window: draft.contact_window,
        idempotency_key: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> TicketDraft {
        TicketDraft {
            kind: Some(TicketKind::FaultReport),
            category: Some(TicketCategory::Broadband),
            description: "  家里宽带从昨晚开始断网，光猫红灯一直闪  ".into(),
            ..TicketDraft::default()
        }
    }

    fn photo(id: i64) -> Photo {
        Photo {
            id,
            url: format!("/api/feedback/photos/{id}"),
            width: 1600,
            height: 1200,
            bytes: 240_000,
        }
    }

    #[test]
    fn an_empty_form_names_every_missing_field() {
        let problems = check(&TicketDraft::default());
        assert!(problems.kind && problems.category);
        assert_eq!(problems.description, Some(LengthProblem::Empty));
        assert!(
            !problems.family_number,
            "their own number needs nothing typed"
        );
        assert_eq!(request(&TicketDraft::default()), None);
    }

    #[test]
    fn a_filled_form_makes_the_request_trimmed_with_its_photos() {
        let mut draft = filled();
        draft.photos = vec![photo(7), photo(9)];
        let sent = request(&draft).expect("valid");
        assert_eq!(sent.description, "家里宽带从昨晚开始断网，光猫红灯一直闪");
        assert_eq!(sent.photo_ids, vec![7, 9]);
        assert_eq!(sent.number_concerned, None);
        assert_eq!(sent.contact_method, ContactMethod::PhoneCall);
        assert!(!sent.high_risk);
    }

    #[test]
    fn a_description_is_counted_as_the_backend_counts_it() {
        let mut draft = filled();
        draft.description = format!(" {} ", "字".repeat(DESCRIPTION_MIN_CHARS - 1));
        assert_eq!(
            check(&draft).description,
            Some(LengthProblem::TooShort {
                min: DESCRIPTION_MIN_CHARS
            })
        );
        draft.description = "字".repeat(DESCRIPTION_MAX_CHARS + 1);
        assert_eq!(
            check(&draft).description,
            Some(LengthProblem::TooLong {
                max: DESCRIPTION_MAX_CHARS
            })
        );
    }

    #[test]
    fn a_family_members_number_must_be_a_mobile_number() {
        let mut draft = filled();
        draft.for_family = true;
        draft.family_number = "1380013".into();
        assert!(check(&draft).family_number);
        draft.family_number = "138 0013 8000".into();
        assert!(!check(&draft).family_number);
        assert_eq!(
            request(&draft).unwrap().number_concerned.as_deref(),
            Some("13800138000")
        );
    }

    #[test]
    fn changing_the_kind_drops_a_category_it_does_not_have() {
        let mut draft = filled();
        draft.choose_kind(TicketKind::Complaint);
        assert_eq!(draft.category, Some(TicketCategory::Broadband), "kept");
        draft.category = Some(TicketCategory::Fraud);
        draft.choose_kind(TicketKind::Suggestion);
        assert_eq!(draft.category, None);
        assert!(check(&draft).category);
    }

    #[test]
    fn a_high_risk_category_or_the_users_flag_escalates() {
        let mut draft = filled();
        assert!(!draft.escalated());
        draft.high_risk = true;
        assert!(draft.escalated());
        draft.high_risk = false;
        draft.kind = Some(TicketKind::Complaint);
        draft.category = Some(TicketCategory::DataLeak);
        assert!(draft.escalated());
    }

    #[test]
    fn at_most_three_photos() {
        let mut draft = filled();
        draft.photos = vec![photo(1), photo(2)];
        assert!(draft.can_add_photo());
        draft.photos.push(photo(3));
        assert!(!draft.can_add_photo());
    }
}
