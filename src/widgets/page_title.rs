//! Each page names itself once; the top bar and the document title follow, in the
//! current language, and a screen reader hears which page opened.

use leptos::prelude::*;

use crate::i18n::TextKey;

/// The page's title, and where its back arrow leads (None on the tab roots).
#[derive(Clone, Copy)]
pub struct PageMeta {
    pub title: TextKey,
    pub back: Option<&'static str>,
}

/// What the live region last said about a page opening. Empty until the user moves from
/// the first page: a screen reader reads the first page by itself, but in a single-page app
/// nothing tells it that a tap on a tab or link brought a new page.
#[derive(Clone, Copy)]
pub struct PageAnnouncement {
    text: RwSignal<String>,
    pages_shown: StoredValue<u32>,
}

pub fn provide_page_meta() -> RwSignal<PageMeta> {
    let meta = RwSignal::new(PageMeta {
        title: |t| t.app_name,
        back: None,
    });
    provide_context(meta);
    provide_context(PageAnnouncement {
        text: RwSignal::new(String::new()),
        pages_shown: StoredValue::new(0),
    });
    meta
}

/// Called by a page as it renders.
pub fn set_page_meta(title: TextKey, back: Option<&'static str>) {
    expect_context::<RwSignal<PageMeta>>().set(PageMeta { title, back });
    if let Some(announcement) = use_context::<PageAnnouncement>() {
        announcement.page_opened(title);
    }
}

impl PageAnnouncement {
    fn page_opened(self, title: TextKey) {
        self.pages_shown.update_value(|n| *n += 1);
        if self.pages_shown.get_value() > 1 {
            // Fixed at the moment the page opens: switching the language later must not
            // announce the page again.
            let texts = crate::i18n::use_texts().get_untracked();
            let said = texts.page_opened(title(texts));
            // Cleared now and said a moment later: the same words twice (one order after
            // another) still change the region, and the page has drawn by the time it is heard.
            self.text.set(String::new());
            let text = self.text;
            set_timeout(
                move || {
                    text.try_set(said);
                },
                std::time::Duration::from_millis(150),
            );
        }
    }
}

/// The polite live region that says which page opened; placed once, in the shell.
#[component]
pub fn PageAnnouncer() -> impl IntoView {
    let announcement = expect_context::<PageAnnouncement>();
    view! {
        <p class="visually-hidden page-announcer" aria-live="polite" aria-atomic="true">
            {move || announcement.text.get()}
        </p>
    }
}
