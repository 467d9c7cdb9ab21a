//! The router: API routes, the fault switch, the app's files, and the layers around them.

pub mod auth;
pub mod me;
pub mod meta;
pub mod session;

use axum::extract::{Request, State};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::{api_method_not_allowed, AppError};
use crate::mall::routes as mall;
use crate::state::AppState;
use crate::{faults, openapi, static_files};

pub fn router(state: AppState) -> Router {
    let mut app = Router::new()
        .route("/api/meta", get(meta::meta))
        .route("/api/auth/code", post(auth::request_code))
        .route("/api/auth/sign-in", post(auth::sign_in))
        .route("/api/auth/sign-out", post(auth::sign_out))
        .route("/api/session", get(session::session))
        .route("/api/me", get(me::me))
        .route("/api/openapi.json", get(openapi::serve_openapi))
        .route("/api/mall/summary", get(mall::summary))
        .route("/api/mall/ledger", get(mall::ledger))
        .route("/api/mall/check-in", post(mall::check_in))
        .route("/api/mall/items", get(mall::items))
        .route("/api/mall/items/{id}", get(mall::item))
        .route("/api/mall/redemptions", post(mall::redeem))
        .route("/api/mall/orders", get(mall::orders))
        .route("/api/mall/orders/{id}", get(mall::order))
        .route("/api/mall/orders/{id}/cancel", post(mall::cancel))
        .route("/api/mall/staff/orders/{id}/advance", post(mall::advance))
        .route(
            "/api/mall/address",
            get(mall::get_address).put(mall::put_address),
        )
        .route("/api/mall/charity", get(mall::charity))
        .route("/api/mall/donations", post(mall::donate));
    if state.config.enable_faults {
        app = app.route(
            faults::FAULTS_PATH,
            put(faults::put_fault).delete(faults::clear_faults),
        );
        app = app.route(
            mall::CLOCK_PATH,
            put(mall::pin_clock).delete(mall::reset_clock),
        );
        app = app.route(mall::SUBSCRIBERS_PATH, post(mall::create_test_subscriber));
    }
    app = app
        .fallback(fallback)
        .method_not_allowed_fallback(api_method_not_allowed);
    if state.config.enable_faults {
        app = app.layer(middleware::from_fn_with_state(
            state.clone(),
            faults::apply_faults,
        ));
    }
    app.layer(middleware::from_fn_with_state(
        state.clone(),
        static_files::security_headers,
    ))
    .layer(
        TraceLayer::new_for_http()
            .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
    .with_state(state)
}

/// Unknown API paths answer a JSON 404; everything else is the app.
async fn fallback(state: State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return AppError::not_found().into_response();
    }
    static_files::serve_app(state, req).await
}
