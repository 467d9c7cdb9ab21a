//! 反馈: enquiries, complaints, suggestions, fault reports and their tickets. Until they
//! ship, the tab says so kindly.

mod photo_shrink;

use leptos::prelude::*;

use crate::widgets::coming_soon::ComingSoon;
use crate::widgets::icons::IconKind;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    set_page_meta(|t| t.tab_feedback, None);
    view! { <ComingSoon feature=|t| t.tab_feedback icon=IconKind::Feedback /> }
}
