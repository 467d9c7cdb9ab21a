//! Starts the real server in-process on 127.0.0.1:0 with its own temporary database, and
//! small helpers for talking to it over HTTP.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use care_contract::ApiError;
use care_server::Config;
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::{Client, Response};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const DEMO_CODE: &str = "246810";
pub const PHONE: &str = "13800138000";

pub struct TestServer {
    pub base: String,
    pub config: Config,
    pub client: Client,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    // Dropped last: the database lives here unless the test brought its own directory.
    _dir: Option<TempDir>,
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: Value) -> Response {
        self.client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn request_code(&self, phone: &str) -> Response {
        self.post_json("/api/auth/code", json!({ "phone": phone }))
            .await
    }

    pub async fn sign_in(&self, phone: &str, code: &str) -> Response {
        self.post_json("/api/auth/sign-in", json!({ "phone": phone, "code": code }))
            .await
    }

    /// GET with a `Cookie: care_session=…` header.
    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> Response {
        self.client
            .get(self.url(path))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap()
    }

    /// The last code "texted" to `phone` through the SMS outbox file.
    pub fn last_texted_code(&self, phone: &str) -> Option<String> {
        let path = self.config.sms_outbox.as_ref()?;
        let text = std::fs::read_to_string(path).ok()?;
        text.lines()
            .rev()
            .filter_map(|l| l.split_once(' '))
            .find(|(p, _)| *p == phone)
            .map(|(_, code)| code.to_owned())
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// A demo-mode server with a fresh database; `adjust` may change the config.
pub async fn start(adjust: impl FnOnce(&mut Config)) -> TestServer {
    start_owning(tempfile::tempdir().unwrap(), adjust).await
}

/// Like [`start_in`], and the server keeps `dir` alive until it is dropped.
pub async fn start_owning(dir: TempDir, adjust: impl FnOnce(&mut Config)) -> TestServer {
    let mut server = start_in(dir.path(), adjust).await;
    server._dir = Some(dir);
    server
}

/// A server whose database (and outbox) live in `dir`.
pub async fn start_in(dir: &Path, adjust: impl FnOnce(&mut Config)) -> TestServer {
    let mut config = Config::new(dir.join("care.sqlite3"));
    config.static_dir = dir.join("no-such-dist");
    config.demo = true;
    adjust(&mut config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = oneshot::channel::<()>();
    let server_config = config.clone();
    let task = tokio::spawn(async move {
        care_server::serve_with_shutdown(server_config, listener, async {
            let _ = rx.await;
        })
        .await
        .expect("server runs");
    });
    let client = Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    let server = TestServer {
        base,
        config,
        client,
        shutdown: Some(tx),
        task: Some(task),
        _dir: None,
    };
    wait_ready(&server).await;
    server
}

/// A production-like server: no demo mode, codes go to an outbox file in the temp dir.
pub async fn start_production(adjust: impl FnOnce(&mut Config)) -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let outbox: PathBuf = dir.path().join("sms-outbox.txt");
    let mut server = start_in(dir.path(), |c| {
        c.demo = false;
        c.sms_outbox = Some(outbox);
        adjust(c);
    })
    .await;
    server._dir = Some(dir);
    server
}

async fn wait_ready(server: &TestServer) {
    for _ in 0..200 {
        if let Ok(r) = server.client.get(server.url("/api/meta")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("server did not become ready");
}

/// The `care_session=…` pair from a response's `Set-Cookie`, and the whole header.
pub fn session_cookie(response: &Response) -> (String, String) {
    let header = response
        .headers()
        .get(SET_COOKIE)
        .expect("Set-Cookie header")
        .to_str()
        .unwrap()
        .to_owned();
    let pair = header.split(';').next().unwrap().trim().to_owned();
    assert!(pair.starts_with("care_session="), "{header}");
    (pair, header)
}

/// Asserts an `ApiError` body with this status and code (as it travels: `"not_found"`);
/// returns the body.
pub async fn expect_error(response: Response, status: u16, code: &str) -> ApiError {
    assert_eq!(response.status().as_u16(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], code, "{body}");
    assert!(body["message"].is_string(), "{body}");
    serde_json::from_value(body).unwrap()
}

/// Requests a code and signs in with it (demo code or the texted one); returns the cookie pair.
pub async fn signed_in(server: &TestServer, phone: &str) -> String {
    let sent = server.request_code(phone).await;
    assert_eq!(sent.status(), 200);
    let code = if server.config.demo {
        server.config.demo_code.clone()
    } else {
        server.last_texted_code(phone).expect("texted code")
    };
    let response = server.sign_in(phone, &code).await;
    assert_eq!(response.status(), 200);
    session_cookie(&response).0
}
