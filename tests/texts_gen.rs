//! What the locale compiler (build/texts_gen.rs) refuses: every mistake in a locale file
//! fails the build with a message naming the locale and the key.

#[path = "../build/texts_gen.rs"]
mod texts_gen;

use std::collections::BTreeMap;

use std::collections::BTreeSet;

use texts_gen::{check_unique, encode, generate, parse, struct_name, LocaleTable, Piece};

fn locale(name: &str, pairs: &[(&str, &str)]) -> LocaleTable {
    LocaleTable {
        name: name.to_owned(),
        konst: name.replace('-', "_").to_uppercase(),
        variant: if name == "en" { "En" } else { "ZhCn" }.to_owned(),
        table: pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn problems(zh: &[(&str, &str)], en: &[(&str, &str)]) -> Vec<String> {
    generate("shell", &[locale("zh-CN", zh), locale("en", en)]).expect_err("should be refused")
}

#[test]
fn parses_texts_counts_and_plurals() {
    assert_eq!(
        parse("{n, plural, one {# point} other {# points}} for {name}").unwrap(),
        vec![
            Piece::Plural(
                "n".into(),
                vec![
                    (
                        "one".into(),
                        vec![Piece::Number, Piece::Lit(" point".into())]
                    ),
                    (
                        "other".into(),
                        vec![Piece::Number, Piece::Lit(" points".into())]
                    ),
                ]
            ),
            Piece::Lit(" for ".into()),
            Piece::Arg("name".into()),
        ]
    );
    assert_eq!(
        parse("共 {n, number} 条").unwrap()[1],
        Piece::Count("n".into())
    );
    // A `#` outside a plural is only a character.
    assert_eq!(parse("No. #1").unwrap(), vec![Piece::Lit("No. #1".into())]);
}

#[test]
fn refuses_broken_syntax() {
    for bad in [
        "{name",
        "{n, plural, one {#}",
        "{n, select, a {x}}",
        "a } b",
        "{Bad}",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_placeholder_missing_from_one_locale_fails() {
    let found = problems(&[("hello", "你好，{name}")], &[("hello", "Hello")]);
    assert!(found[0].contains("`hello` has placeholders"), "{found:?}");
}

#[test]
fn a_misspelt_placeholder_fails() {
    let found = problems(&[("hello", "你好，{name}")], &[("hello", "Hello, {nmae}")]);
    assert!(found[0].contains("`hello`"), "{found:?}");
}

#[test]
fn a_missing_or_extra_key_fails() {
    let found = problems(&[("a", "甲"), ("b", "乙")], &[("a", "A"), ("c", "C")]);
    assert!(
        found.iter().any(|p| p.contains("en.json is missing `b`")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("en.json has `c`")),
        "{found:?}"
    );
}

#[test]
fn plural_forms_must_be_the_locales_own_and_include_other() {
    let found = problems(
        &[("n", "{n, plural, one {一} other {#}}")],
        &[("n", "{n, plural, one {# thing}}")],
    );
    assert!(
        found.iter().any(|p| p.contains("zh-CN `n`: `one`")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("needs an `other` arm")),
        "{found:?}"
    );
}

#[test]
fn an_empty_text_fails() {
    let found = problems(&[("a", "")], &[("a", "A")]);
    assert!(found[0].contains("is empty"), "{found:?}");
}

#[test]
fn counts_are_numbers_and_arguments_alphabetical() {
    let source = generate(
        "shell",
        &[
        locale(
            "zh-CN",
            &[
                ("t", "{points, number} 给 {name}，剩 {balance, number}"),
                ("plain", "好"),
            ],
        ),
        locale(
            "en",
            &[
                (
                    "t",
                    "{points, plural, one {# point} other {# points}} to {name}, {balance} left",
                ),
                ("plain", "OK"),
            ],
        ),
    ],
    )
    .unwrap();
    assert!(
        source.contains("pub fn t(&self, balance: i64, name: &str, points: i64) -> String"),
        "{source}"
    );
    assert!(source.contains("pub plain: &'static str,"), "{source}");
}

#[test]
fn templates_become_one_string_with_other_last() {
    let pieces = parse("{n, plural, other {# things} one {one thing}} for {who}").unwrap();
    assert_eq!(
        encode(&pieces, &["n", "who"]),
        "\u{3}01one thing\u{4}*\u{2} things\u{4}\u{5} for \u{1}1"
    );
}

#[test]
fn a_control_character_in_a_text_fails() {
    let found = problems(&[("a", "甲\u{1}")], &[("a", "A")]);
    assert!(found[0].contains("control character"), "{found:?}");
}

#[test]
fn a_capability_bundle_has_its_own_struct_and_statics_and_answers_for_the_shell() {
    let source = generate(
        "points_mall",
        &[
            locale("zh-CN", &[("buy", "兑换")]),
            locale("en", &[("buy", "Buy")]),
        ],
    )
    .unwrap();
    assert!(source.contains("pub struct PointsMallTexts {"), "{source}");
    assert!(source.contains("shell: &'static Texts,"), "{source}");
    assert!(
        source.contains("impl std::ops::Deref for PointsMallTexts {"),
        "{source}"
    );
    assert!(
        source.contains("pub static POINTS_MALL_EN: PointsMallTexts = PointsMallTexts {"),
        "{source}"
    );
    assert!(source.contains("    shell: &EN,"), "{source}");
    assert!(
        source.contains("Locale::ZhCn => &POINTS_MALL_ZH_CN,"),
        "{source}"
    );
}

#[test]
fn the_shell_bundle_is_texts_and_derefs_to_nothing() {
    assert_eq!(struct_name("shell"), "Texts");
    assert_eq!(struct_name("mall"), "MallTexts");
    assert_eq!(struct_name("sign_in"), "SignInTexts");
    let source = generate(
        "shell",
        &[locale("zh-CN", &[("a", "甲")]), locale("en", &[("a", "A")])],
    )
    .unwrap();
    assert!(
        source.contains("pub static ZH_CN: Texts = Texts {"),
        "{source}"
    );
    assert!(!source.contains("Deref"), "{source}");
}

#[test]
fn a_key_in_two_bundles_fails() {
    let keys = |names: &[&str]| {
        names
            .iter()
            .map(|n| (*n).to_owned())
            .collect::<BTreeSet<_>>()
    };
    let found = check_unique(&[
        ("shell".to_owned(), keys(&["retry", "close"])),
        ("mall".to_owned(), keys(&["buy", "retry"])),
    ]);
    assert_eq!(found, vec!["`retry` is in both shell and mall".to_owned()]);
    assert!(check_unique(&[
        ("shell".to_owned(), keys(&["a"])),
        ("mall".to_owned(), keys(&["b"]))
    ])
    .is_empty());
}

#[test]
fn a_missing_key_names_its_bundle() {
    let found = problems(&[("a", "甲"), ("b", "乙")], &[("a", "A")]);
    assert!(
        found.iter().any(|p| p == "shell/en.json is missing `b`"),
        "{found:?}"
    );
}
