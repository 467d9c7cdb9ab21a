//! Localized text. The strings live in `locales/*.json`; `build.rs` turns them into the
//! [`Texts`] struct, so every key is checked at compile time in every locale.

pub mod dates;

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

/// What a plural form depends on (CLDR's categories; each locale uses some of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

/// English: "1 point", "2 points", "0 points".
fn plural_en(n: i64) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

/// Chinese has one form for every number.
fn plural_zh_cn(_: i64) -> PluralCategory {
    PluralCategory::Other
}

/// A piece of a template, as build.rs writes it; arguments are indexes into the method's
/// parameters in alphabetical order.
#[derive(Debug)]
pub enum Piece {
    Lit(&'static str),
    Arg(u8),
    /// The form for the count at this index; `#` in a form is the count.
    Plural(u8, &'static [(PluralCategory, &'static [Piece])]),
    Number,
}

/// A value for a template's placeholder.
enum Arg<'a> {
    Text(&'a str),
    Count(i64),
}

/// Writes a template with its values: one function for every template of the app, so
/// each typed method stays a one-line call.
fn render(pieces: &[Piece], args: &[Arg], plural: fn(i64) -> PluralCategory) -> String {
    let mut out = String::new();
    render_into(&mut out, pieces, args, plural, None);
    out
}

fn render_into(
    out: &mut String,
    pieces: &[Piece],
    args: &[Arg],
    plural: fn(i64) -> PluralCategory,
    number: Option<i64>,
) {
    for piece in pieces {
        match piece {
            Piece::Lit(text) => out.push_str(text),
            Piece::Arg(i) => match &args[usize::from(*i)] {
                Arg::Text(text) => out.push_str(text),
                Arg::Count(n) => out.push_str(&group_thousands(*n)),
            },
            Piece::Number => out.push_str(&group_thousands(number.unwrap_or_default())),
            Piece::Plural(i, forms) => {
                let n = match &args[usize::from(*i)] {
                    Arg::Count(n) => *n,
                    Arg::Text(_) => 0,
                };
                let category = plural(n);
                let form = forms
                    .iter()
                    .find(|(c, _)| *c == category)
                    .or_else(|| forms.iter().find(|(c, _)| *c == PluralCategory::Other));
                if let Some((_, form)) = form {
                    render_into(out, form, args, plural, Some(n));
                }
            }
        }
    }
}

/// A whole number with thousands separators, as both locales write counts: 12800 ->
/// "12,800", -1000 -> "-1,000".
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The one way to name a fixed text of the interface: `|t| t.retry`. Components that take
/// a label take this, and [`tr`] turns it into the text in the user's language.
pub type TextKey = fn(&'static Texts) -> &'static str;

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
pub fn tr(key: TextKey) -> Signal<&'static str> {
    let texts = use_texts();
    Signal::derive(move || key(texts.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_every_placeholder() {
        let en = Locale::En.texts();
        assert_eq!(en.call_hotline("10000"), "Call a person at 10000");
        assert_eq!(
            Locale::ZhCn.texts().donate_confirm_body(80, 1_200),
            "将捐出 1,200 积分，捐后剩余 80 积分。"
        );
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        let en = Locale::En.texts();
        assert_eq!(en.ledger_count(1), "1 entry");
        assert_eq!(en.ledger_count(0), "0 entries");
        assert_eq!(en.ledger_count(12_800), "12,800 entries");
        assert_eq!(en.price_points(1), "1 point");
        assert_eq!(
            en.code_sent(1, "138****8000"),
            "We sent a code to 138****8000. It is valid for 1 minute."
        );
        assert_eq!(
            en.code_sent(5, "138****8000"),
            "We sent a code to 138****8000. It is valid for 5 minutes."
        );
    }

    #[test]
    fn chinese_counts_have_one_form() {
        let zh = Locale::ZhCn.texts();
        assert_eq!(zh.ledger_count(1), "共 1 条记录");
        assert_eq!(zh.ledger_count(4_360), "共 4,360 条记录");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(800), "800");
        assert_eq!(group_thousands(12_800), "12,800");
        assert_eq!(group_thousands(1_285_300), "1,285,300");
        assert_eq!(group_thousands(-1_000), "-1,000");
        assert_eq!(group_thousands(i64::MIN), "-9,223,372,036,854,775,808");
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
