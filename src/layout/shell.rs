use leptos::prelude::*;

use super::tab_bar::TabBar;
use super::top_bar::TopBar;
use crate::i18n::{tr, use_texts};
use crate::prefs::use_prefs;
use crate::widgets::elder_prompt::ElderPrompt;
use crate::widgets::page_title::{PageAnnouncer, PageMeta};
use crate::widgets::toast::ToastRegion;

/// Lays out one page. The document title follows the page title and language.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let t = use_texts();
    let meta = expect_context::<RwSignal<PageMeta>>();
    let prefs = use_prefs();
    let elder = move || prefs.with(|p| p.elder_mode);
    Effect::new(move |_| {
        let t = t.get();
        let title = (meta.get().title)(t);
        let full = if title == t.app_name {
            title.to_owned()
        } else {
            format!("{title} - {}", t.app_name)
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&full);
        }
    });
    view! {
        <a class="skip-link" href="#main">{tr(|t| t.skip_to_content)}</a>
        <TopBar />
        <main id="main" class="main" tabindex="-1">{children()}</main>
        <TabBar />
        <ToastRegion />
        <PageAnnouncer />
        <ElderPrompt />
        // Elder mode asks before a form is sent; its code comes with elder mode's group.
        {move || elder().then(|| Suspend::new(crate::lazy_pages::confirm_send_dialog()))}
    }
}
