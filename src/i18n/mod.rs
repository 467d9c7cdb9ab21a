//! Localized text. The strings live in `locales/<bundle>/<locale>.json`; `build.rs` turns
//! each bundle into a struct ([`Texts`] for the shell, `MallTexts` for the mall, …), so
//! every key is checked at compile time in every locale.
//!
//! A bundle's texts are compiled into the code that uses them. The shell's are in the first
//! load; a capability's (`locales/mall/`) come with its lazily loaded pages, through its
//! own `texts.rs` (`src/mall/texts.rs`), and still answer for the shell's keys.

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

    /// The shell's texts in this language.
    pub fn texts(self) -> &'static Texts {
        Texts::of(self)
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

/// A value for a template's placeholder.
enum Arg<'a> {
    Text(&'a str),
    Count(i64),
}

/// Writes a template with its values: one function for every template of the app, so each
/// typed method stays a one-line call. The template is as build/texts_gen.rs `encode`s it.
fn render(template: &str, args: &[Arg], plural: fn(i64) -> PluralCategory) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    walk(&mut out, &mut template.chars(), args, plural, 0, true);
    out
}

/// Writes (when `emit`) up to the end of the template or of the current plural arm, and
/// returns the character that ended it. `number` is the count of the plural around.
fn walk(
    out: &mut String,
    template: &mut std::str::Chars,
    args: &[Arg],
    plural: fn(i64) -> PluralCategory,
    number: i64,
    emit: bool,
) -> Option<char> {
    let arg = |c: Option<char>| {
        c.and_then(|c| c.to_digit(10))
            .and_then(|i| args.get(i as usize))
    };
    while let Some(c) = template.next() {
        match c {
            '\u{1}' => match arg(template.next()) {
                Some(Arg::Text(text)) if emit => out.push_str(text),
                Some(Arg::Count(n)) if emit => out.push_str(&group_thousands(*n)),
                _ => {}
            },
            '\u{2}' => {
                if emit {
                    out.push_str(&group_thousands(number));
                }
            }
            '\u{3}' => {
                let n = match arg(template.next()) {
                    Some(Arg::Count(n)) => *n,
                    _ => 0,
                };
                let wanted = plural(n);
                let mut written = false;
                // Arms come with "other" last, so it is the fallback.
                while let Some(category) = template.next().filter(|c| *c != '\u{5}') {
                    let this = if category == '1' {
                        PluralCategory::One
                    } else {
                        PluralCategory::Other
                    };
                    let take =
                        emit && !written && (this == wanted || this == PluralCategory::Other);
                    walk(out, template, args, plural, n, take);
                    written |= take;
                }
            }
            '\u{4}' | '\u{5}' => return Some(c),
            c => {
                if emit {
                    out.push(c);
                }
            }
        }
    }
    None
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

/// A bundle of texts (generated from one folder of `locales/`), in every locale.
pub trait TextBundle: Send + Sync + 'static {
    fn of(locale: Locale) -> &'static Self;
}

/// The one way to name a fixed text of the interface: `|t| t.retry`, a field of a bundle
/// (the shell's by default). [`tr`] turns it into the text in the user's language.
pub type TextKey<B = Texts> = fn(&'static B) -> &'static str;

/// The current texts of a bundle, following the locale preference. Each bundle's `texts.rs`
/// names it for its capability; the shell's is [`use_texts`].
pub fn use_texts_of<B: TextBundle>() -> Signal<&'static B> {
    let prefs = crate::prefs::use_prefs();
    Signal::derive(move || prefs.with(|p| B::of(p.locale)))
}

/// One fixed text of a bundle in the user's language, following the locale. Every label is
/// the same concrete type (a signal of a string), so the view code for a reactive text is
/// compiled once for the whole app, not once per label as it is for a closure; the bundle
/// stays small as screens are added.
pub fn tr_of<B: TextBundle>(key: TextKey<B>) -> Signal<&'static str> {
    let texts = use_texts_of::<B>();
    Signal::derive(move || key(texts.get()))
}

/// The shell's texts, following the locale preference. Use as `t.get().some_key` inside a
/// reactive closure so the view updates when the language changes.
pub fn use_texts() -> Signal<&'static Texts> {
    use_texts_of()
}

/// One of the shell's fixed texts in the user's language: `{tr(|t| t.retry)}`.
pub fn tr(key: TextKey) -> Signal<&'static str> {
    tr_of(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_every_placeholder() {
        let en = Locale::En.texts();
        assert_eq!(en.call_hotline("10000"), "Call a person at 10000");
        assert_eq!(
            MallTexts::of(Locale::ZhCn).donate_confirm_body(80, 1_200),
            "将捐出 1,200 积分，捐后剩余 80 积分。"
        );
    }

    #[test]
    fn english_counts_agree_with_their_nouns() {
        let en = MallTexts::of(Locale::En);
        assert_eq!(en.ledger_count(1), "1 entry");
        assert_eq!(en.ledger_count(0), "0 entries");
        assert_eq!(en.ledger_count(12_800), "12,800 entries");
        assert_eq!(en.price_points(1), "1 point");
        let en = SignInTexts::of(Locale::En);
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
        let zh = MallTexts::of(Locale::ZhCn);
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
            // A bundle's Debug shows the shell's texts too.
            let debug = format!(
                "{:?}{:?}{:?}",
                MallTexts::of(locale),
                MeTexts::of(locale),
                SignInTexts::of(locale)
            );
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
