//! Deploy-time configuration, read once at start from `app-config.json` beside
//! index.html, so an operator points the same build at its own backend without rebuilding.

use std::cell::RefCell;
use std::task::{Poll, Waker};

use serde::Deserialize;

/// Where the configuration file is served, relative to the site root.
pub const CONFIG_PATH: &str = "/app-config.json";

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AppConfig {
    /// Base URL of the JSON API: a path on this origin ("/api") or a full URL.
    #[serde(default = "default_api_base")]
    pub api_base: String,
}

fn default_api_base() -> String {
    "/api".to_owned()
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            api_base: default_api_base(),
        }
    }
}

/// Reads the configuration file's text; a missing or broken file gives the defaults
/// (same origin, /api) so the app still starts.
pub fn parse_config(text: Option<&str>) -> AppConfig {
    let mut config: AppConfig = text
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    let trimmed = config.api_base.trim().trim_end_matches('/');
    config.api_base = if trimmed.is_empty() {
        default_api_base()
    } else {
        trimmed.to_owned()
    };
    config
}

/// Joins the API base and an endpoint path such as "/me".
pub fn api_url(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// The configuration as the app knows it. The app mounts while the file is still on its
/// way (so the first paint does not wait a round trip); API calls made meanwhile wait for
/// it here.
enum ConfigState {
    Ready(AppConfig),
    Loading(Vec<Waker>),
}

thread_local! {
    // Ready with the defaults until `begin_loading`, so components mounted on their own
    // (in tests) never wait.
    static CONFIG: RefCell<ConfigState> = RefCell::new(ConfigState::Ready(AppConfig::default()));
}

/// From now until `set_config`, API calls wait for the configuration.
pub fn begin_loading() {
    CONFIG.with(|c| *c.borrow_mut() = ConfigState::Loading(Vec::new()));
}

pub fn set_config(config: AppConfig) {
    let previous =
        CONFIG.with(|c| std::mem::replace(&mut *c.borrow_mut(), ConfigState::Ready(config)));
    if let ConfigState::Loading(waiting) = previous {
        waiting.into_iter().for_each(Waker::wake);
    }
}

/// The API base URL, once the configuration has arrived.
pub async fn api_base() -> String {
    std::future::poll_fn(|cx| {
        CONFIG.with(|c| match &mut *c.borrow_mut() {
            ConfigState::Ready(config) => Poll::Ready(config.api_base.clone()),
            ConfigState::Loading(waiting) => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
    })
    .await
}

/// Fetches the configuration file; gives up quickly (it is tiny and served beside the
/// page) and falls back to the defaults rather than keep a user waiting.
pub async fn load_config() -> AppConfig {
    use gloo_net::http::Request;
    let fetch = async {
        let response = Request::get(CONFIG_PATH).send().await.ok()?;
        if !response.ok() {
            return None;
        }
        response.text().await.ok()
    };
    let timeout = gloo_timers::future::TimeoutFuture::new(3_000);
    let text = match futures::future::select(std::pin::pin!(fetch), timeout).await {
        futures::future::Either::Left((text, _)) => text,
        futures::future::Either::Right(((), _)) => None,
    };
    parse_config(text.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_broken_config_means_same_origin_api() {
        assert_eq!(parse_config(None).api_base, "/api");
        assert_eq!(parse_config(Some("<html>")).api_base, "/api");
        assert_eq!(parse_config(Some("{}")).api_base, "/api");
        assert_eq!(parse_config(Some(r#"{"api_base":"  "}"#)).api_base, "/api");
    }

    #[test]
    fn an_operator_can_point_the_app_elsewhere() {
        let config = parse_config(Some(r#"{"api_base":"https://care.example.com/v2/"}"#));
        assert_eq!(config.api_base, "https://care.example.com/v2");
    }

    #[test]
    fn urls_join_with_exactly_one_slash() {
        assert_eq!(api_url("/api", "/me"), "/api/me");
        assert_eq!(api_url("/api/", "me"), "/api/me");
        assert_eq!(
            api_url("https://x.test/api", "/auth/code"),
            "https://x.test/api/auth/code"
        );
    }
}
