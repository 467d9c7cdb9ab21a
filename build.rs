//! Turns `locales/<bundle>/<locale>.json` into one struct per bundle with a static per
//! locale (see build/texts_gen.rs), so a key missing from a locale, a placeholder that
//! differs between locales, or a call site that fills a template wrongly fails the build
//! instead of showing a blank to a user. (A build step instead of leptos_i18n: that crate
//! brings leptos-use and ICU data, which the 250 KB first-load budget cannot carry.)
//!
//! Each folder of `locales/` is a bundle: `shell` holds what the first load shows, every
//! other folder is named after the lazily loaded capability whose code alone uses it.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::Path;

#[path = "build/texts_gen.rs"]
mod texts_gen;

/// The default locale comes first; its keys are the reference set. File name, the name of
/// its statics, its `Locale` variant.
const LOCALES: &[(&str, &str, &str)] = &[("zh-CN", "ZH_CN", "ZhCn"), ("en", "EN", "En")];

fn main() {
    let dir = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build/texts_gen.rs");
    let mut bundles: Vec<String> = fs::read_dir(dir)
        .expect("locales/")
        .map(|entry| entry.expect("locales/").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    bundles.sort();
    assert!(
        bundles.iter().any(|b| b == texts_gen::SHELL),
        "locales/{}/ is missing",
        texts_gen::SHELL
    );

    let mut source = String::new();
    let mut problems = Vec::new();
    let mut keys = Vec::new();
    for bundle in &bundles {
        println!("cargo:rerun-if-changed=locales/{bundle}");
        if !texts_gen::is_identifier(bundle) {
            problems.push(format!("locales/{bundle}/ is not a snake_case name"));
            continue;
        }
        let mut tables = Vec::new();
        for (file, konst, variant) in LOCALES {
            let path = dir.join(bundle).join(format!("{file}.json"));
            println!("cargo:rerun-if-changed={}", path.display());
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let table: BTreeMap<String, String> =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            tables.push(texts_gen::LocaleTable {
                name: (*file).to_owned(),
                konst: (*konst).to_owned(),
                variant: (*variant).to_owned(),
                table,
            });
        }
        keys.push((bundle.clone(), tables[0].table.keys().cloned().collect()));
        match texts_gen::generate(bundle, &tables) {
            Ok(code) => source.push_str(&code),
            Err(found) => problems.extend(found),
        }
    }
    problems.extend(texts_gen::check_unique(&keys));
    if !problems.is_empty() {
        panic!("locale files disagree:\n  {}", problems.join("\n  "));
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs");
    fs::write(dest, source).unwrap();
}
