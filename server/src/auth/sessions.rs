//! Cookie sessions: a random 32-byte token in an HttpOnly, SameSite=Strict cookie; the
//! database keeps only its SHA-256.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::COOKIE;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};

use super::sha256_hex;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::StoreError;

pub const COOKIE_NAME: &str = "care_session";
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// The `Set-Cookie` value that installs a session for `max_age_secs`.
pub fn session_cookie(token: &str, max_age_secs: u64, secure: bool) -> String {
    let mut cookie =
        format!("{COOKIE_NAME}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age_secs}");
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clearing_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

/// The session token from the request's `Cookie` headers, if any.
pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE_NAME && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

pub fn create(
    conn: &Connection,
    subscriber_id: i64,
    ttl_ms: i64,
    now: i64,
) -> rusqlite::Result<String> {
    let token = new_token();
    conn.execute(
        "DELETE FROM sessions WHERE subscriber_id = ?1 AND expires_at <= ?2",
        params![subscriber_id, now],
    )?;
    conn.execute(
        "INSERT INTO sessions (token_hash, subscriber_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash(&token), subscriber_id, now, now + ttl_ms],
    )?;
    Ok(token)
}

/// The subscriber a live session belongs to.
pub fn subscriber_for(conn: &Connection, token: &str, now: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT subscriber_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
        params![token_hash(token), now],
        |r| r.get(0),
    )
    .optional()
}

/// Ends every session of one subscriber (`Some`), or of everyone (`None`); returns how
/// many ended.
pub fn delete_all(conn: &Connection, subscriber_id: Option<i64>) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM sessions WHERE ?1 IS NULL OR subscriber_id = ?1",
        [subscriber_id],
    )
}

pub fn delete(conn: &Connection, token: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE token_hash = ?1",
        [token_hash(token)],
    )?;
    Ok(())
}

/// The signed-in subscriber: handlers taking this answer 401 `unauthenticated` without a
/// live session.
#[derive(Clone, Copy, Debug)]
pub struct CurrentUser {
    pub subscriber_id: i64,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        <Self as OptionalFromRequestParts<AppState>>::from_request_parts(parts, state)
            .await?
            .ok_or_else(AppError::unauthenticated)
    }
}

/// `Option<CurrentUser>`: handlers that serve everyone but say more to a signed-in user.
/// This is the one place a session cookie is turned into a subscriber.
impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, AppError> {
        let Some(token) = token_from_headers(&parts.headers) else {
            return Ok(None);
        };
        let now = crate::db::now_ms();
        let id = state
            .db
            .read(move |conn| subscriber_for(conn, &token, now).map_err(StoreError::from))
            .await?;
        Ok(id.map(|subscriber_id| CurrentUser { subscriber_id }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn tokens_are_32_random_bytes_base64url() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert!(a
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn cookie_attributes() {
        let c = session_cookie("t", 60, false);
        assert_eq!(
            c,
            "care_session=t; HttpOnly; SameSite=Strict; Path=/; Max-Age=60"
        );
        assert!(session_cookie("t", 60, true).ends_with("; Secure"));
        assert!(clearing_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn finds_the_session_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.append(
            COOKIE,
            HeaderValue::from_static("a=1; care_session=abc; b=2"),
        );
        assert_eq!(token_from_headers(&headers).as_deref(), Some("abc"));
        let mut empty = HeaderMap::new();
        empty.append(COOKIE, HeaderValue::from_static("care_session="));
        assert_eq!(token_from_headers(&empty), None);
    }
}
