//! 积分商城: the points mall. Its screens arrive with the mall issue; until then the tab
//! says so kindly.

use leptos::prelude::*;

use crate::widgets::coming_soon::ComingSoon;
use crate::widgets::icons::IconKind;
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn MallPage() -> impl IntoView {
    set_page_meta(|t| t.tab_mall, None);
    view! { <ComingSoon feature=|t| t.tab_mall icon=IconKind::Gift /> }
}
