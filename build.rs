//! Turns `locales/*.json` into one `Texts` struct per locale (see build/texts_gen.rs), so a
//! key missing from a locale, a placeholder that differs between locales, or a call site
//! that fills a template wrongly fails the build instead of showing a blank to a user.
//! (A build step instead of leptos_i18n: that crate brings leptos-use and ICU data, which
//! the 250 KB first-load budget cannot carry.)

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::Path;

#[path = "build/texts_gen.rs"]
mod texts_gen;

/// The default locale comes first; its keys are the reference set.
const LOCALES: &[(&str, &str)] = &[("zh-CN", "ZH_CN"), ("en", "EN")];

fn main() {
    let dir = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build/texts_gen.rs");
    let mut tables = Vec::new();
    for (file, konst) in LOCALES {
        let path = dir.join(format!("{file}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tables.push(texts_gen::LocaleTable {
            name: (*file).to_owned(),
            konst: (*konst).to_owned(),
            table,
        });
    }
    match texts_gen::generate(&tables) {
        Ok(source) => {
            let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("texts.rs");
            fs::write(dest, source).unwrap();
        }
        Err(problems) => panic!("locale files disagree:\n  {}", problems.join("\n  ")),
    }
}
