//! What the locale compiler (build/texts_gen.rs) refuses: every mistake in a locale file
//! fails the build with a message naming the locale and the key.

#[path = "../build/texts_gen.rs"]
mod texts_gen;

use std::collections::BTreeMap;

use texts_gen::{encode, generate, parse, LocaleTable, Piece};

fn locale(name: &str, pairs: &[(&str, &str)]) -> LocaleTable {
    LocaleTable {
        name: name.to_owned(),
        konst: name.replace('-', "_").to_uppercase(),
        table: pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn problems(zh: &[(&str, &str)], en: &[(&str, &str)]) -> Vec<String> {
    generate(&[locale("zh-CN", zh), locale("en", en)]).expect_err("should be refused")
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
    let source = generate(&[
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
    ])
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
