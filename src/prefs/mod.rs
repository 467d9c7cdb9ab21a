//! The user's preferences: elder mode, text size, theme and language. They are remembered
//! in localStorage and applied to `<html>` as design tokens, so every rem-based size in the
//! stylesheet follows them.

mod model;
mod storage;
mod tokens;

pub use model::{Prefs, TextSize, Theme};
pub use storage::{load_prefs, parse_prefs, save_prefs, serialize_prefs, PREFS_KEY};
pub use tokens::DesignTokens;

use leptos::prelude::*;

/// The preferences for the whole app, provided once by the root component.
pub type PrefsSignal = RwSignal<Prefs>;

pub fn use_prefs() -> PrefsSignal {
    expect_context::<PrefsSignal>()
}

/// Loads saved preferences, provides them as context, and keeps `<html>` and storage in
/// step with every change.
pub fn provide_prefs() -> PrefsSignal {
    let prefs = RwSignal::new(load_prefs());
    provide_context(prefs);
    Effect::new(move |_| {
        let current = prefs.get();
        apply_to_document(&current);
        save_prefs(&current);
    });
    prefs
}

/// Writes the tokens, theme and language onto `<html>`. Numeric tokens are set inline as
/// custom properties (plus the root font size), so they hold even before the stylesheet
/// loads and are testable without it; colours come from the stylesheet by data attribute.
pub fn apply_to_document(prefs: &Prefs) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", prefs.locale.tag());
    let _ = root.set_attribute("data-theme", prefs.theme.as_str());
    let _ = root.set_attribute("data-elder", if prefs.elder_mode { "on" } else { "off" });
    if let Some(html) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
        let style = html.style();
        for (name, value) in DesignTokens::for_prefs(prefs).css_properties() {
            let _ = style.set_property(name, &value);
        }
    }
}
