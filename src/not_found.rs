use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::tr;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_title::set_page_meta;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_page_meta(|t| t.not_found_title, Some("/"));
    view! {
        <div class="page">
            <section class="card empty-state">
                <div class="empty-state__icon"><Icon kind=IconKind::Compass /></div>
                <h2>{tr(|t| t.not_found_title)}</h2>
                <p>{tr(|t| t.not_found_body)}</p>
                <A href="/" attr:class="button button--primary button--block">{tr(|t| t.back_home)}</A>
            </section>
        </div>
    }
}
