//! What the donate page keeps in sessionStorage: the half-typed amount, and a donation sent
//! but not yet answered. After a reload the page asks again with the same key, so the
//! backend answers the first result or donates once; never twice.

use care_contract::mall::DonationRequest;

use crate::drafts::SessionDraft;

const AMOUNT: SessionDraft = SessionDraft::new("care.draft.donation-amount.v1");
const PENDING: SessionDraft = SessionDraft::new("care.mall.pending-donation.v1");

/// The amount typed for this project, kept as `project:text` so another project starts
/// empty.
pub fn amount_for(project_id: i64) -> String {
    let kept = AMOUNT.load();
    match kept.split_once(':') {
        Some((id, text)) if id == project_id.to_string() => text.to_owned(),
        _ => String::new(),
    }
}

pub fn keep_amount(project_id: i64, text: &str) {
    AMOUNT.save(&format!("{project_id}:{text}"));
}

/// The unanswered donation to this project, if any.
pub fn pending_for(project_id: i64) -> Option<DonationRequest> {
    PENDING
        .load_json::<DonationRequest>()
        .filter(|r| r.project_id == project_id)
}

pub fn keep_pending(request: &DonationRequest) {
    PENDING.save_json(request);
}

/// The answer came (a receipt, or a definite refusal): nothing is pending any more, and a
/// donation made clears its amount.
pub fn settle(donated: bool) {
    PENDING.clear();
    if donated {
        AMOUNT.clear();
    }
}
