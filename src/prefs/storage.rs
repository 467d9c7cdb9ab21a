//! Preferences in localStorage under a versioned key. Reading is forgiving: a missing,
//! corrupt or foreign value gives the defaults rather than an error the user can't fix.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Prefs;

/// Bump the version when the meaning of a stored field changes incompatibly.
pub const PREFS_KEY: &str = "care.prefs.v1";

/// Parses a stored value field by field: an unreadable field gets its default and the rest
/// are kept, so an elderly user never loses elder mode because another value went bad.
pub fn parse_prefs(stored: Option<&str>) -> Prefs {
    let value: Option<serde_json::Value> = stored.and_then(|text| serde_json::from_str(text).ok());
    let Some(fields) = value.as_ref().and_then(|v| v.as_object()) else {
        return Prefs::default();
    };
    fn field<T: DeserializeOwned + Default>(fields: &Map<String, Value>, name: &str) -> T {
        fields
            .get(name)
            .and_then(|v| T::deserialize(v).ok())
            .unwrap_or_default()
    }
    Prefs {
        elder_mode: field(fields, "elder_mode"),
        text_size: field(fields, "text_size"),
        theme: field(fields, "theme"),
        locale: field(fields, "locale"),
        elder_prompt_answered: field(fields, "elder_prompt_answered"),
        read_aloud_auto: field(fields, "read_aloud_auto"),
    }
}

pub fn serialize_prefs(prefs: &Prefs) -> String {
    serde_json::to_string(prefs).expect("preferences always serialize")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_prefs() -> Prefs {
    let stored = local_storage().and_then(|s| s.get_item(PREFS_KEY).ok().flatten());
    parse_prefs(stored.as_deref())
}

/// Saves quietly: private browsing may refuse storage, and the app still works without it.
pub fn save_prefs(prefs: &Prefs) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(PREFS_KEY, &serialize_prefs(prefs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::prefs::{TextSize, Theme};

    #[test]
    fn round_trips_every_field() {
        let prefs = Prefs {
            elder_mode: true,
            text_size: TextSize::Largest,
            theme: Theme::Contrast,
            locale: Locale::En,
            elder_prompt_answered: true,
            read_aloud_auto: true,
        };
        assert_eq!(parse_prefs(Some(&serialize_prefs(&prefs))), prefs);
    }

    #[test]
    fn missing_or_corrupt_values_give_defaults() {
        assert_eq!(parse_prefs(None), Prefs::default());
        assert_eq!(parse_prefs(Some("{not json")), Prefs::default());
        assert_eq!(parse_prefs(Some("[1,2]")), Prefs::default());
    }

    #[test]
    fn unknown_fields_are_ignored_and_missing_ones_defaulted() {
        let prefs = parse_prefs(Some(r#"{"elder_mode":true,"from_the_future":1}"#));
        assert!(prefs.elder_mode);
        assert_eq!(prefs.text_size, TextSize::Standard);
        assert_eq!(prefs.locale, Locale::ZhCn);
    }

    #[test]
    fn a_bad_value_resets_only_its_own_field() {
        let prefs = parse_prefs(Some(r#"{"elder_mode":true,"theme":"neon","locale":"en"}"#));
        assert!(prefs.elder_mode);
        assert_eq!(prefs.theme, Theme::Light);
        assert_eq!(prefs.locale, Locale::En);
    }
}
