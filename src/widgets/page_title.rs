//! Each page names itself once; the top bar and the document title follow, in the
//! current language.

use leptos::prelude::*;

use crate::i18n::Texts;

pub type TitleKey = fn(&'static Texts) -> &'static str;

/// The page's title, and where its back arrow leads (None on the tab roots).
#[derive(Clone, Copy)]
pub struct PageMeta {
    pub title: TitleKey,
    pub back: Option<&'static str>,
}

pub fn provide_page_meta() -> RwSignal<PageMeta> {
    let meta = RwSignal::new(PageMeta {
        title: |t| t.app_name,
        back: None,
    });
    provide_context(meta);
    meta
}

/// Called by a page as it renders.
pub fn set_page_meta(title: TitleKey, back: Option<&'static str>) {
    expect_context::<RwSignal<PageMeta>>().set(PageMeta { title, back });
}
