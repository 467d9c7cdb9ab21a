//! 社区: boards, threads, replies and votes. Until they ship, the tab says so kindly.

mod markup;
pub mod markup_view;

use leptos::prelude::*;

use crate::widgets::coming_soon::ComingSoon;
use crate::widgets::icons::IconKind;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn CommunityPage() -> impl IntoView {
    set_page_meta(|t| t.tab_community, None);
    view! { <ComingSoon feature=|t| t.tab_community icon=IconKind::Chat /> }
}
