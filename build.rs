//! Turns `locales/*.json` into one Rust struct of strings per locale, so a key that is
//! missing from a locale, or a placeholder that differs between locales, fails the build
//! instead of showing a blank to a user. (A hand-rolled step instead of leptos_i18n: that
//! crate brings leptos-use and ICU data, which the 250 KB first-load budget cannot carry.)

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fs;
use std::path::Path;

/// The default locale comes first; its keys are the reference set.
const LOCALES: &[(&str, &str)] = &[("zh-CN", "ZH_CN"), ("en", "EN")];

fn main() {
    let dir = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut tables: Vec<(&str, BTreeMap<String, String>)> = Vec::new();
    for (file, konst) in LOCALES {
        let path = dir.join(format!("{file}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tables.push((konst, table));
    }

    let reference = &tables[0].1;
    let mut problems = Vec::new();
    for key in reference.keys() {
        if !is_identifier(key) {
            problems.push(format!("key `{key}` is not a snake_case identifier"));
        }
    }
    for ((file, _), (_, table)) in LOCALES.iter().zip(&tables).skip(1) {
        for key in reference.keys() {
            match table.get(key) {
                None => problems.push(format!("{file}.json is missing `{key}`")),
                Some(text) if placeholders(text) != placeholders(&reference[key]) => {
                    problems.push(format!(
                        "{file}.json `{key}` has placeholders {:?}, zh-CN has {:?}",
                        placeholders(text),
                        placeholders(&reference[key])
                    ))
                }
                Some(_) => {}
            }
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            problems.push(format!("{file}.json has `{key}`, which zh-CN.json lacks"));
        }
    }
    if !problems.is_empty() {
        panic!("locale files disagree:\n  {}", problems.join("\n  "));
    }

    let mut out =
        String::from("/// Every user-facing string, one field per key of locales/*.json.\n");
    out.push_str("#[derive(Debug)]\npub struct Texts {\n");
    for key in reference.keys() {
        out.push_str(&format!("    pub {key}: &'static str,\n"));
    }
    out.push_str("}\n");
    for (konst, table) in &tables {
        out.push_str(&format!("pub static {konst}: Texts = Texts {{\n"));
        for (key, text) in table {
            out.push_str(&format!("    {key}: {text:?},\n"));
        }
        out.push_str("};\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs");
    fs::write(dest, out).unwrap();
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The `{name}` placeholders of a template.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .collect()
}
