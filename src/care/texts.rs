//! The texts of the care pages (`locales/care/`): compiled into this capability's lazily loaded
//! code, not the first load. They answer for the shell's keys too (`t.retry`), so files
//! here import `tr`, `use_texts` and `TextKey` from this module alone.

use leptos::prelude::*;

use crate::i18n;

pub use crate::i18n::CareTexts as Texts;

/// A fixed text of this bundle or the shell's: `|t| t.key`.
pub type TextKey = i18n::TextKey<Texts>;

/// These texts, following the locale preference.
pub fn use_texts() -> Signal<&'static Texts> {
    i18n::use_texts_of()
}

/// One fixed text in the user's language, following the locale.
pub fn tr(key: TextKey) -> Signal<&'static str> {
    i18n::tr_of(key)
}
