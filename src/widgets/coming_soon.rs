//! What a tab shows until its capability ships: a friendly note and a way to get help now,
//! not a broken link.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::TextKey;
use crate::i18n::{tr, use_texts};
use crate::server_info::HotlineButton;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn ComingSoon(feature: TextKey, icon: IconKind) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="page">
            <section class="card empty-state">
                <div class="empty-state__icon"><Icon kind=icon /></div>
                <h2>{move || t.get().coming_soon_title(feature(t.get()))}</h2>
                <p>{tr(|t| t.coming_soon_body)}</p>
                <HotlineButton />
                <A href="/" attr:class="button button--secondary button--block">{tr(|t| t.back_home)}</A>
            </section>
        </div>
    }
}
