//! Turns the locale files into Rust: per bundle (`locales/<bundle>/`), a struct with one
//! `&'static str` field per fixed text and one typed method per template, so the compiler
//! checks every text and every placeholder a call site fills. A bundle's texts are compiled
//! into the code that uses them: the mall's land in the mall's lazily loaded wasm, not in
//! the first load.
//!
//! A template uses ICU message syntax, the subset we need: `{name}` for a text, `{name,
//! number}` for a count, and `{name, plural, one {# point} other {# points}}` for words that
//! change with a count (`#` is the count). A placeholder that any locale writes as a number
//! or a plural is a count (`i64`, written with thousands separators); any other is a text
//! (`&str`). Method parameters come in alphabetical order, so rewording a sentence can never
//! swap two arguments.
//!
//! Used by build.rs, and by tests/texts_gen.rs, which checks what it refuses.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The plural categories each locale has (CLDR): English says one/other, Chinese only
/// other.
pub fn plural_categories(locale: &str) -> &'static [&'static str] {
    match locale {
        "en" => &["one", "other"],
        _ => &["other"],
    }
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Lit(String),
    Arg(String),
    /// `{name, number}`: a count written as a number, with no plural forms.
    Count(String),
    /// A plural choice on a count, with its arms by category; `#` inside an arm is
    /// [`Piece::Number`].
    Plural(String, Vec<(String, Vec<Piece>)>),
    Number,
}

/// Parses one template. Errors name what is wrong, for the build's message.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let chars: Vec<char> = template.chars().collect();
    let mut at = 0;
    let pieces = parse_pieces(&chars, &mut at, false)?;
    if at < chars.len() {
        return Err(format!("unexpected `}}` at {at}"));
    }
    Ok(pieces)
}

fn parse_pieces(chars: &[char], at: &mut usize, in_arm: bool) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    while *at < chars.len() {
        match chars[*at] {
            '}' => break,
            '#' if in_arm => {
                flush(&mut lit, &mut pieces);
                pieces.push(Piece::Number);
                *at += 1;
            }
            '{' => {
                flush(&mut lit, &mut pieces);
                *at += 1;
                pieces.push(parse_placeholder(chars, at)?);
            }
            c => {
                lit.push(c);
                *at += 1;
            }
        }
    }
    flush(&mut lit, &mut pieces);
    Ok(pieces)
}

fn flush(lit: &mut String, pieces: &mut Vec<Piece>) {
    if !lit.is_empty() {
        pieces.push(Piece::Lit(std::mem::take(lit)));
    }
}

/// After a `{`: `name}` or `name, plural, cat {...} cat {...}}`.
fn parse_placeholder(chars: &[char], at: &mut usize) -> Result<Piece, String> {
    let name = take_while(chars, at, |c| c != '}' && c != ',');
    let name = name.trim().to_owned();
    if !is_identifier(&name) {
        return Err(format!("placeholder `{name}` is not a snake_case name"));
    }
    match chars.get(*at) {
        Some('}') => {
            *at += 1;
            Ok(Piece::Arg(name))
        }
        Some(',') => {
            *at += 1;
            let kind = take_while(chars, at, |c| c != ',' && c != '}');
            if kind.trim() == "number" && chars.get(*at) == Some(&'}') {
                *at += 1;
                return Ok(Piece::Count(name));
            }
            if kind.trim() != "plural" || chars.get(*at) != Some(&',') {
                return Err(format!(
                    "`{{{name}, {}…` is neither `{{{name}, number}}` nor `{{{name}, plural, …}}`",
                    kind.trim()
                ));
            }
            *at += 1;
            let mut arms = Vec::new();
            loop {
                skip_spaces(chars, at);
                match chars.get(*at) {
                    Some('}') => {
                        *at += 1;
                        break;
                    }
                    None => return Err(format!("plural on `{name}` is not closed")),
                    _ => {}
                }
                let category = take_while(chars, at, |c| c != '{' && !c.is_whitespace());
                skip_spaces(chars, at);
                if chars.get(*at) != Some(&'{') {
                    return Err(format!(
                        "plural arm `{category}` on `{name}` has no `{{…}}`"
                    ));
                }
                *at += 1;
                let arm = parse_pieces(chars, at, true)?;
                if chars.get(*at) != Some(&'}') {
                    return Err(format!("plural arm `{category}` on `{name}` is not closed"));
                }
                *at += 1;
                arms.push((category, arm));
            }
            Ok(Piece::Plural(name, arms))
        }
        _ => Err(format!("placeholder `{name}` is not closed")),
    }
}

fn take_while(chars: &[char], at: &mut usize, keep: impl Fn(char) -> bool) -> String {
    let start = *at;
    while *at < chars.len() && keep(chars[*at]) {
        *at += 1;
    }
    chars[start..*at].iter().collect()
}

fn skip_spaces(chars: &[char], at: &mut usize) {
    while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
        *at += 1;
    }
}

pub fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Every placeholder of a template, and which of them select a plural.
fn placeholders(pieces: &[Piece], all: &mut BTreeSet<String>, counts: &mut BTreeSet<String>) {
    for piece in pieces {
        match piece {
            Piece::Arg(name) => {
                all.insert(name.clone());
            }
            Piece::Count(name) => {
                all.insert(name.clone());
                counts.insert(name.clone());
            }
            Piece::Plural(name, arms) => {
                all.insert(name.clone());
                counts.insert(name.clone());
                for (_, arm) in arms {
                    placeholders(arm, all, counts);
                }
            }
            Piece::Lit(_) | Piece::Number => {}
        }
    }
}

fn check_plurals(pieces: &[Piece], locale: &str, problems: &mut Vec<String>, key: &str) {
    for piece in pieces {
        if let Piece::Plural(name, arms) = piece {
            let allowed = plural_categories(locale);
            for (category, arm) in arms {
                if !allowed.contains(&category.as_str()) {
                    problems.push(format!(
                        "{locale} `{key}`: `{category}` is not a plural category of {locale} (it has {allowed:?})"
                    ));
                }
                check_plurals(arm, locale, problems, key);
            }
            if !arms.iter().any(|(c, _)| c == "other") {
                problems.push(format!(
                    "{locale} `{key}`: the plural on `{name}` needs an `other` arm"
                ));
            }
        }
    }
}

/// A locale: its file name (`zh-CN`), the Rust names it becomes (`ZH_CN` for its statics,
/// `ZhCn` for its `Locale` variant), and one bundle's texts in it.
pub struct LocaleTable {
    pub name: String,
    pub konst: String,
    pub variant: String,
    pub table: BTreeMap<String, String>,
}

/// The Rust struct of a bundle: `shell` is `Texts`, `mall` is `MallTexts`.
pub fn struct_name(bundle: &str) -> String {
    if bundle == SHELL {
        return "Texts".to_owned();
    }
    let mut name = String::new();
    for word in bundle.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name + "Texts"
}

/// The bundle of the first load: what the frame, the home page and every page title say.
/// Every other bundle belongs to a lazily loaded page group and derefs to this one.
pub const SHELL: &str = "shell";

/// A key belongs to exactly one bundle: through `Deref` a capability's texts also answer
/// for the shell's keys, so the same key in two bundles would hide one of them.
pub fn check_unique(bundles: &[(String, BTreeSet<String>)]) -> Vec<String> {
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (bundle, keys) in bundles {
        for key in keys {
            if let Some(first) = owner.insert(key, bundle) {
                problems.push(format!("`{key}` is in both {first} and {bundle}"));
            }
        }
    }
    problems
}

/// Checks every locale of one bundle against the first (the reference) and returns the
/// bundle's Rust source, or every problem found.
pub fn generate(bundle: &str, locales: &[LocaleTable]) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let reference = &locales[0].table;
    let mut parsed: Vec<BTreeMap<&str, Vec<Piece>>> = Vec::new();
    for locale in locales {
        let mut texts = BTreeMap::new();
        for (key, text) in &locale.table {
            if !is_identifier(key) {
                problems.push(format!("key `{key}` is not a snake_case identifier"));
            }
            if text.is_empty() {
                problems.push(format!("{} `{key}` is empty", locale.name));
            }
            if text.chars().any(|c| ('\u{1}'..='\u{5}').contains(&c)) {
                problems.push(format!("{} `{key}` has a control character", locale.name));
            }
            match parse(text) {
                Ok(pieces) => {
                    check_plurals(&pieces, &locale.name, &mut problems, key);
                    texts.insert(key.as_str(), pieces);
                }
                Err(e) => problems.push(format!("{} `{key}`: {e}", locale.name)),
            }
        }
        parsed.push(texts);
    }
    for locale in &locales[1..] {
        for key in reference.keys().filter(|k| !locale.table.contains_key(*k)) {
            problems.push(format!("{bundle}/{}.json is missing `{key}`", locale.name));
        }
        for key in locale.table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!(
                "{bundle}/{}.json has `{key}`, which {bundle}/{}.json lacks",
                locale.name, locales[0].name
            ));
        }
    }
    // Each key's placeholders, the same in every locale; counts are any locale's selectors.
    let mut signatures: BTreeMap<&str, Vec<(String, bool)>> = BTreeMap::new();
    for key in reference.keys() {
        let mut counts = BTreeSet::new();
        let mut sets = Vec::new();
        for (locale, texts) in locales.iter().zip(&parsed) {
            if let Some(pieces) = texts.get(key.as_str()) {
                let mut all = BTreeSet::new();
                placeholders(pieces, &mut all, &mut counts);
                sets.push((locale.name.as_str(), all));
            }
        }
        if let Some((first_name, first)) = sets.first() {
            for (name, set) in &sets[1..] {
                if set != first {
                    problems.push(format!(
                        "`{key}` has placeholders {set:?} in {name}, {first:?} in {first_name}"
                    ));
                }
            }
            let params = first
                .iter()
                .map(|p| (p.clone(), counts.contains(p)))
                .collect();
            signatures.insert(key.as_str(), params);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let shell = bundle == SHELL;
    let name = struct_name(bundle);
    let prefix = if shell {
        String::new()
    } else {
        format!("{}_", bundle.to_uppercase())
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// The texts of `locales/{bundle}/` in one locale: a field per fixed text, a method per"
    );
    out.push_str("/// template (generated by build.rs).");
    if !shell {
        out.push_str(" The shell's texts answer through `Deref`.");
    }
    let _ = writeln!(out, "\n#[derive(Debug)]\npub struct {name} {{");
    if !shell {
        out.push_str("    shell: &'static Texts,\n");
    }
    out.push_str("    plural: fn(i64) -> PluralCategory,\n");
    for (key, params) in &signatures {
        if params.is_empty() {
            let _ = writeln!(out, "    pub {key}: &'static str,");
        } else {
            let _ = writeln!(out, "    {key}: &'static str,");
        }
    }
    let _ = writeln!(out, "}}\n\nimpl {name} {{");
    for (key, params) in signatures.iter().filter(|(_, p)| !p.is_empty()) {
        let _ = writeln!(out, "    /// {}", reference[*key].replace('\n', " "));
        let args: Vec<String> = params
            .iter()
            .map(|(name, count)| format!("{name}: {}", if *count { "i64" } else { "&str" }))
            .collect();
        let values: Vec<String> = params
            .iter()
            .map(|(name, count)| {
                if *count {
                    format!("Arg::Count({name})")
                } else {
                    format!("Arg::Text({name})")
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "    pub fn {key}(&self, {}) -> String {{\n        render(self.{key}, &[{}], self.plural)\n    }}",
            args.join(", "),
            values.join(", ")
        );
    }
    out.push_str("}\n");
    if !shell {
        let _ = writeln!(
            out,
            "\nimpl std::ops::Deref for {name} {{\n    type Target = Texts;\n\n    fn deref(&self) -> &Texts {{\n        self.shell\n    }}\n}}"
        );
    }
    let _ = writeln!(
        out,
        "\nimpl TextBundle for {name} {{\n    fn of(locale: Locale) -> &'static Self {{\n        match locale {{"
    );
    for locale in locales {
        let _ = writeln!(
            out,
            "            Locale::{} => &{prefix}{},",
            locale.variant, locale.konst
        );
    }
    out.push_str("        }\n    }\n}\n");
    for (locale, texts) in locales.iter().zip(&parsed) {
        let _ = writeln!(
            out,
            "\npub static {prefix}{}: {name} = {name} {{",
            locale.konst
        );
        if !shell {
            let _ = writeln!(out, "    shell: &{},", locale.konst);
        }
        let _ = writeln!(out, "    plural: plural_{},", locale.konst.to_lowercase());
        for (key, pieces) in texts {
            let params = &signatures[key];
            if params.is_empty() {
                let _ = writeln!(out, "    {key}: {:?},", locale.table[*key]);
            } else {
                let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
                let _ = writeln!(out, "    {key}: {:?},", encode(pieces, &names));
            }
        }
        out.push_str("};\n");
    }
    Ok(out)
}

/// A parsed template as one string for `i18n::render`: literal text, with control
/// characters for the rest (arguments by index, in alphabetical order). One string per
/// template keeps the first load small: a table of pieces costs several times its text.
///
/// - `\u{1}` and an index digit: an argument;
/// - `\u{2}`: the count of the plural around it (`#`);
/// - `\u{3}` and an index digit, then arms `<category><text>\u{4}` (`1` one, `*` other;
///   other last), then `\u{5}`: a plural.
pub fn encode(pieces: &[Piece], names: &[&str]) -> String {
    let index = |name: &str| {
        let i = names
            .iter()
            .position(|n| *n == name)
            .expect("checked above");
        char::from_digit(i as u32, 10).expect("at most ten placeholders")
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Lit(text) => out.push_str(text),
            Piece::Arg(name) | Piece::Count(name) => {
                out.push('\u{1}');
                out.push(index(name));
            }
            Piece::Number => out.push('\u{2}'),
            Piece::Plural(name, arms) => {
                out.push('\u{3}');
                out.push(index(name));
                let mut arms: Vec<_> = arms.iter().collect();
                arms.sort_by_key(|(category, _)| category == "other");
                for (category, arm) in arms {
                    out.push(if category == "one" { '1' } else { '*' });
                    out.push_str(&encode(arm, names));
                    out.push('\u{4}');
                }
                out.push('\u{5}');
            }
        }
    }
    out
}
