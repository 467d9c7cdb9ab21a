//! Serving the built app: fallback to index.html with its CSP, caching, precompression.

mod common;

use std::path::Path;

use base64::Engine;
use common::*;
use sha2::{Digest, Sha256};

const INLINE_SCRIPT: &str = "\nimport init, * as bindings from '/care-app-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/care-app-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n";

fn write_dist(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let index = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <link rel=\"modulepreload\" href=\"/care-app-0123456789abcdef.js\">\
         <script type=\"module\">{INLINE_SCRIPT}</script></head><body>壳</body></html>"
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::write(
        dir.join("care-app-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dir.join("care-app-0123456789abcdef.js"),
        "export default 1;",
    )
    .unwrap();
    std::fs::write(dir.join("care-app-0123456789abcdef.js.br"), b"BROTLI-BYTES").unwrap();
    std::fs::write(dir.join("app-config.json"), "{\"api_base\":\"/api\"}").unwrap();
}

async fn start_with_app() -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    write_dist(&dist);
    start_owning(dir, move |c| c.static_dir = dist).await
}

fn expected_hash() -> String {
    let digest = Sha256::digest(INLINE_SCRIPT.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[tokio::test]
async fn deep_links_get_index_html_with_a_hashed_csp() {
    let server = start_with_app().await;
    for path in ["/", "/mall/orders", "/index.html", "/forum/thread/42?x=1"] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let headers = response.headers().clone();
        assert!(headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(headers["cache-control"], "no-cache");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "same-origin");
        let csp = headers["content-security-policy"].to_str().unwrap();
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap();
        assert!(script_src.contains(&expected_hash()), "{csp}");
        assert!(script_src.contains("'wasm-unsafe-eval'"), "{csp}");
        assert!(!script_src.contains("unsafe-inline"), "{csp}");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(response.text().await.unwrap().contains("壳"));
    }
}

#[tokio::test]
async fn hashed_files_are_immutable_and_the_rest_revalidate() {
    let server = start_with_app().await;
    let wasm = server.get("/care-app-0123456789abcdef_bg.wasm").await;
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(
        wasm.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.headers()["x-content-type-options"], "nosniff");

    let config = server.get("/app-config.json").await;
    assert_eq!(config.status(), 200);
    assert_eq!(config.headers()["cache-control"], "no-cache");
    assert!(config.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
}

#[tokio::test]
async fn brotli_siblings_are_served_when_accepted() {
    let server = start_with_app().await;
    let br = server
        .client
        .get(server.url("/care-app-0123456789abcdef.js"))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.status(), 200);
    assert_eq!(br.headers()["content-encoding"], "br");
    assert!(br.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    assert_eq!(
        br.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"BROTLI-BYTES");

    let plain = server
        .client
        .get(server.url("/care-app-0123456789abcdef.js"))
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "export default 1;");
}

#[tokio::test]
async fn without_a_built_app_pages_say_so_and_the_api_still_works() {
    let server = start(|_| {}).await;
    let page = server.get("/mall").await;
    assert_eq!(page.status(), 503);
    assert!(page.text().await.unwrap().contains("not built"));
    assert_eq!(server.get("/api/meta").await.status(), 200);
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_not_the_app() {
    let server = start_with_app().await;
    for path in ["/api/nope", "/api", "/api/me/extra"] {
        expect_error(server.get(path).await, 404, "not_found").await;
    }
    let wrong_method = server
        .client
        .delete(server.url("/api/meta"))
        .send()
        .await
        .unwrap();
    expect_error(wrong_method, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn a_missing_asset_is_a_404_not_the_app() {
    let server = start_with_app().await;
    // An old build's file, still referenced by a cached page: HTML in its place would be
    // run as a script and fail its integrity check.
    let missing = server.get("/care-app-fedcba9876543210.js").await;
    assert_eq!(missing.status(), 404);
    // App routes still get the app.
    assert_eq!(server.get("/forum/thread/42").await.status(), 200);
}
