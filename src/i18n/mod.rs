//! Localized text. The strings live in `locales/*.json`; `build.rs` turns them into the
//! [`Texts`] struct, so every key is checked at compile time in every locale.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// The languages the app speaks. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::ZhCn => &ZH_CN,
            Locale::En => &EN,
        }
    }

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown the same in every locale so anyone can find theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::ZhCn => "简体中文",
            Locale::En => "English",
        }
    }
}

/// Fills `{name}` placeholders in a template. Unknown placeholders stay as they are, so a
/// mistake shows up in review instead of silently dropping words.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The current texts, following the locale preference. Use as `t.get().some_key` inside a
/// reactive closure so the view updates when the language changes.
pub fn use_texts() -> Signal<&'static Texts> {
    let prefs = crate::prefs::use_prefs();
    Signal::derive(move || prefs.with(|p| p.locale.texts()))
}

/// One fixed text of the interface in the user's language, following the locale:
/// `{tr(|t| t.retry)}`. Every label is the same concrete type (a signal of a string), so the
/// view code for a reactive text is compiled once for the whole app, not once per label as
/// it is for a closure; the bundle stays small as screens are added.
pub fn tr(key: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    let texts = use_texts();
    Signal::derive(move || key(texts.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_placeholder() {
        assert_eq!(
            fill("{a} and {b} and {a}", &[("a", "1"), ("b", "2")]),
            "1 and 2 and 1"
        );
        assert_eq!(fill("{missing}", &[]), "{missing}");
    }

    #[test]
    fn both_locales_have_text_for_every_key() {
        // The build checks key sets; this guards against empty strings slipping in.
        for locale in Locale::ALL {
            let debug = format!("{:?}", locale.texts());
            assert!(!debug.contains(": \"\""), "{locale:?} has an empty string");
        }
    }

    #[test]
    fn locale_tags_round_trip_through_json() {
        for locale in Locale::ALL {
            let json = serde_json::to_string(&locale).unwrap();
            assert_eq!(json, format!("\"{}\"", locale.tag()));
            assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), locale);
        }
    }
}
