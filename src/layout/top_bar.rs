use leptos::prelude::*;
use leptos_router::components::A;

use super::ElderSwitch;
use crate::i18n::{tr, use_texts};
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_loading::PageLoadingIndicator;
use crate::widgets::page_title::PageMeta;

#[component]
pub fn TopBar() -> impl IntoView {
    let t = use_texts();
    let meta = expect_context::<RwSignal<PageMeta>>();
    view! {
        <header class="top-bar">
            {move || meta.get().back.map(|href| view! {
                <A href=href attr:class="icon-button top-bar__back" attr:aria-label=tr(|t| t.back)>
                    <Icon kind=IconKind::Back />
                </A>
            })}
            <h1 class="top-bar__title">{move || (meta.get().title)(t.get())}</h1>
            <ElderSwitch />
            <A href="/me/settings" attr:class="icon-button" attr:aria-label=tr(|t| t.settings)>
                <Icon kind=IconKind::Settings />
            </A>
            // Hangs just below the bar, however many rows the bar wraps to.
            <PageLoadingIndicator />
        </header>
    }
}
