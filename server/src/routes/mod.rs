//! The router: API routes, the fault switch, the app's files, and the layers around them.

pub mod auth;
pub mod me;
pub mod meta;
pub mod session;
pub mod test_hooks;

use axum::extract::{Request, State};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::{api_method_not_allowed, AppError};
use crate::state::AppState;
use crate::{care, community, faults, feedback, mall, me as me_capability, static_files, surveys};

/// The whole app: each capability's router, the test hooks (with `--enable-faults`), the
/// app's files for everything else, and the layers around them.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new()
        .merge(meta::router())
        .merge(auth::router())
        .merge(session::router())
        .merge(me::router())
        .merge(me_capability::routes::router())
        .merge(mall::routes::router())
        .merge(community::routes::router())
        .merge(feedback::routes::router())
        .merge(surveys::routes::router())
        .merge(care::routes::router());
    if state.config.enable_faults {
        app = app.merge(test_hooks::router());
    }
    // After every route: the fallback for a wrong method applies to the routes so far.
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
