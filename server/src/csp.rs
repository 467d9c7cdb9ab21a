//! The content security policy for the app's HTML. Trunk injects an inline module script
//! that starts the wasm; instead of allowing `'unsafe-inline'`, the server hashes every
//! inline script of the built index.html at start and lists the hashes in `script-src`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// CSP source expressions (`'sha256-…'`) for every inline `<script>` (one without a `src`
/// attribute) in `html`, in document order.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut hashes = Vec::new();
    let mut pos = 0;
    while let Some(found) = lower[pos..].find("<script") {
        let name_end = pos + found + "<script".len();
        // `<scripts>` or `<script-x>` is another element.
        match bytes.get(name_end) {
            Some(b) if b.is_ascii_whitespace() || *b == b'>' || *b == b'/' => {}
            Some(_) => {
                pos = name_end;
                continue;
            }
            None => break,
        }
        let Some(tag_end) = end_of_tag(bytes, name_end) else {
            break;
        };
        let attributes = &html[name_end..tag_end];
        let content_start = tag_end + 1;
        let Some(close) = lower[content_start..].find("</script") else {
            break;
        };
        let content = &html[content_start..content_start + close];
        if !attribute_names(attributes).iter().any(|n| n == "src") {
            hashes.push(hash_source(content));
        }
        pos = content_start + close + "</script".len();
    }
    hashes
}

/// `'sha256-<base64>'` of a script's text, as a browser computes it: the HTML parser turns
/// CR LF and lone CR into LF before the script text exists.
pub fn hash_source(script: &str) -> String {
    let normalized = script.replace("\r\n", "\n").replace('\r', "\n");
    let digest = Sha256::digest(normalized.as_bytes());
    format!("'sha256-{}'", STANDARD.encode(digest))
}

/// The index of the `>` closing a start tag, skipping quoted attribute values.
fn end_of_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i),
            None => {}
        }
    }
    None
}

/// Lower-cased attribute names of a start tag's attribute text.
fn attribute_names(attributes: &str) -> Vec<String> {
    let bytes = attributes.as_bytes();
    let mut names = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        if i > start {
            names.push(attributes[start..i].to_ascii_lowercase());
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
            }
        }
    }
    names
}

/// The policy sent with the app's HTML.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push(' ');
        script_src.push_str(hash);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'; object-src 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_hash() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn hashes_each_inline_script_and_skips_external_ones() {
        let html = r#"<!DOCTYPE html><html><head>
<script src="/a.js"></script>
<SCRIPT type="module">import init from '/app.js';
await init();</SCRIPT>
<script data-x='a > b' nomodule>one()</script>
<scripts>not a script</scripts>
<script type="application/ld+json" data-src="x">{"a":1}</script>
</head><body></body></html>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(
            hashes,
            vec![
                hash_source("import init from '/app.js';\nawait init();"),
                hash_source("one()"),
                hash_source(r#"{"a":1}"#),
            ]
        );
    }

    #[test]
    fn no_scripts_no_hashes() {
        assert!(inline_script_hashes("<html><body>hi</body></html>").is_empty());
        assert!(inline_script_hashes("").is_empty());
        // An unterminated script is ignored rather than hashed wrongly.
        assert!(inline_script_hashes("<script>x").is_empty());
    }

    #[test]
    fn src_attribute_is_detected_in_any_case_and_quoting() {
        assert!(inline_script_hashes("<script SRC=/x.js></script>").is_empty());
        assert!(inline_script_hashes("<script type=module src='/x.js' defer></script>").is_empty());
    }

    #[test]
    fn line_endings_are_normalized_like_a_browser() {
        assert_eq!(hash_source("a\r\nb\rc"), hash_source("a\nb\nc"));
    }

    #[test]
    fn policy_has_no_unsafe_inline_scripts() {
        let csp = content_security_policy(&["'sha256-abc'".to_owned()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
