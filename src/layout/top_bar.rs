use leptos::prelude::*;
use leptos_router::components::A;

use super::ElderSwitch;
use crate::i18n::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::page_loading::PageLoadingIndicator;
use crate::widgets::page_title::PageMeta;

#[component]
pub fn TopBar() -> impl IntoView {
    let t = use_texts();
    let meta = expect_context::<RwSignal<PageMeta>>();
    let prefs = use_prefs();
    view! {
        <header class="top-bar">
            {move || meta.get().back.map(|href| view! {
                <A href=href attr:class="icon-button top-bar__back" attr:aria-label=tr(|t| t.back)>
                    <Icon kind=IconKind::Back />
                </A>
            })}
            <h1 class="top-bar__title">{move || (meta.get().title)(t.get())}</h1>
            <ElderSwitch />
            // Elder mode offers fewer choices: settings stay one tap away on 我的.
            <Show when=move || !prefs.with(|p| p.elder_mode)>
                <A href="/me/settings" attr:class="icon-button" attr:aria-label=tr(|t| t.settings)>
                    <Icon kind=IconKind::Settings />
                </A>
            </Show>
            // Elder mode: read-aloud and help on every screen, a row of their own.
            // Its code comes with elder mode's group; its room is kept meanwhile.
            <Show when=move || prefs.with(|p| p.elder_mode)>
                <div class="elder-tools-slot">{Suspend::new(crate::lazy_pages::elder_tools())}</div>
            </Show>
            // Hangs just below the bar, however many rows the bar wraps to.
            <PageLoadingIndicator />
        </header>
    }
}
