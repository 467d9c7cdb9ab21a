//! `POST /api/auth/code`, `POST /api/auth/sign-in`, `POST /api/auth/sign-out`.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse};
use axum::routing::post;
use axum::{Json, Router};
use care_contract::auth::{is_well_formed_code, CodeRequest, CodeSent, SignInRequest, SignedIn};
use care_contract::limits::{CODE_LENGTH, CODE_MAX_ATTEMPTS, SESSION_TTL_DAYS};
use care_contract::phone::{mask_phone, normalize_phone};
use care_contract::time::china_date;
use care_contract::{ApiError, ErrorCode};

use crate::auth::codes;
use crate::auth::rate_limit::Limits;
use crate::auth::sessions::{self, DAY_MS};
use crate::client_ip::ClientIp;
use crate::db::now_ms;
use crate::error::AppError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::StoreError;
use crate::subscribers;

/// Sign-in and sign-out.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/auth/code", post(request_code))
        .route("/api/auth/sign-in", post(sign_in))
        .route("/api/auth/sign-out", post(sign_out))
}

fn phone_or_400(input: &str) -> Result<String, AppError> {
    normalize_phone(input).map_err(|e| AppError::new(ErrorCode::InvalidPhone, e.to_string()))
}

/// Sends a one-time code to a phone (a demo backend returns it in `demo_code` instead).
#[utoipa::path(
    post,
    path = "/api/auth/code",
    tag = "auth",
    request_body = CodeRequest,
    responses(
        (status = 200, description = "A code was sent", body = CodeSent),
        (status = 400, description = "`invalid_phone` or `bad_request`", body = ApiError),
        (status = 429, description = "`rate_limited`: wait `retry_after_secs`", body = ApiError,
            headers(("Retry-After" = u32, description = "Seconds to wait"))),
    )
)]
pub async fn request_code(
    State(state): State<AppState>,
    ClientIp(client_ip): ClientIp,
    ApiJson(req): ApiJson<CodeRequest>,
) -> Result<Json<CodeSent>, AppError> {
    let phone = phone_or_400(&req.phone)?;
    let config = state.config.clone();
    let code = if config.demo {
        config.demo_code.clone()
    } else {
        codes::random_code()
    };
    let limits = Limits {
        resend_after_ms: i64::from(config.code_resend_secs) * 1000,
        per_phone_per_hour: config.codes_per_phone_per_hour,
        per_ip_per_hour: config.codes_per_ip_per_hour,
    };
    let ttl_ms = i64::from(config.code_ttl_secs) * 1000;
    {
        let (phone, code) = (phone.clone(), code.clone());
        let ip = client_ip.to_string();
        state
            .db
            .write(move |tx| codes::issue(tx, &phone, &ip, &code, ttl_ms, &limits, now_ms()))
            .await?;
    }
    if !config.demo {
        deliver_sms(&config.sms_outbox, &phone, &code).await?;
    }
    Ok(Json(CodeSent {
        phone_masked: mask_phone(&phone),
        resend_after_secs: config.code_resend_secs,
        expires_in_secs: config.code_ttl_secs,
        demo_code: config.demo.then_some(code),
    }))
}

/// Stands in for the operator's SMS gateway: appends `phone code` to the outbox file.
async fn deliver_sms(
    outbox: &Option<std::path::PathBuf>,
    phone: &str,
    code: &str,
) -> Result<(), AppError> {
    let Some(path) = outbox else {
        return Ok(());
    };
    let (path, line) = (path.clone(), format!("{phone} {code}\n"));
    let written = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        file.write_all(line.as_bytes())
    })
    .await;
    match written {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            tracing::error!(error = %e, "cannot write the SMS outbox");
            return Err(AppError::internal());
        }
        Err(e) => {
            tracing::error!(error = %e, "SMS outbox task failed");
            return Err(AppError::internal());
        }
    }
    Ok(())
}

/// Exchanges a code for a session cookie; creates the subscriber on first sign-in.
#[utoipa::path(
    post,
    path = "/api/auth/sign-in",
    tag = "auth",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in; the session is in an HttpOnly cookie", body = SignedIn,
            headers(("Set-Cookie" = String, description = "care_session=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000"))),
        (status = 400, description = "`invalid_phone`, or `bad_request` (a malformed code: not counted as a guess)", body = ApiError),
        (status = 401, description = "`invalid_code`, or `code_expired` (expired, used or never requested)", body = ApiError),
        (status = 429, description = "`too_many_attempts`: the code is burnt; request a new one", body = ApiError),
    )
)]
pub async fn sign_in(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<SignInRequest>,
) -> Result<impl IntoResponse, AppError> {
    let phone = phone_or_400(&req.phone)?;
    // Not a guess at the code: refused before any attempt is counted.
    if !is_well_formed_code(&req.code) {
        return Err(AppError::bad_request(format!(
            "code must be {CODE_LENGTH} digits"
        )));
    }
    let code = req.code;
    let demo_code = state.config.demo.then(|| state.config.demo_code.clone());
    let session_ttl_ms = i64::from(SESSION_TTL_DAYS) * DAY_MS;
    let outcome = state
        .db
        .write(move |tx| -> Result<_, StoreError> {
            let now = now_ms();
            let verdict = codes::verify(
                tx,
                &phone,
                &code,
                CODE_MAX_ATTEMPTS,
                demo_code.as_deref(),
                now,
            )?;
            if let Some(rejection) = verdict.rejection() {
                // Commit the counted attempt; the error is returned after the commit.
                return Ok(Err(rejection));
            }
            let (id, new_account) = match subscribers::id_by_phone(tx, &phone)? {
                Some(id) => (id, false),
                None => {
                    let today = china_date(chrono::Utc::now());
                    (subscribers::create(tx, &phone, today, now)?, true)
                }
            };
            let token = sessions::create(tx, id, session_ttl_ms, now)?;
            let profile = subscribers::profile(tx, id)?
                .ok_or(StoreError::Broken("a subscriber signing in is gone"))?;
            Ok(Ok((
                token,
                SignedIn {
                    profile,
                    new_account,
                },
            )))
        })
        .await?;
    let (token, signed_in) = outcome?;
    let cookie = sessions::session_cookie(
        &token,
        u64::from(SESSION_TTL_DAYS) * 24 * 60 * 60,
        state.config.secure_cookies,
    );
    Ok((AppendHeaders([(SET_COOKIE, cookie)]), Json(signed_in)))
}

/// Ends the session server-side and clears the cookie. Always 204, signed in or not.
#[utoipa::path(
    post,
    path = "/api/auth/sign-out",
    tag = "auth",
    security((), ("session" = [])),
    responses((status = 204, description = "Signed out (the session, if any, is ended); the cookie is cleared",
        headers(("Set-Cookie" = String, description = "care_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"))))
)]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, AppError> {
    if let Some(token) = sessions::token_from_headers(&headers) {
        state
            .db
            .write(move |tx| sessions::delete(tx, &token).map_err(StoreError::from))
            .await?;
    }
    let cookie = sessions::clearing_cookie(state.config.secure_cookies);
    Ok((
        StatusCode::NO_CONTENT,
        AppendHeaders([(SET_COOKIE, cookie)]),
    ))
}
