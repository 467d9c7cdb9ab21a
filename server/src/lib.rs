//! The reference backend of the care app: axum + SQLite. It serves the JSON API of
//! `care-contract` under /api and the built app (Trunk's dist/) everywhere else.
//!
//! Tests start it in-process with [`serve_with_shutdown`] on a `127.0.0.1:0` listener.

pub mod auth;
pub mod care;
pub mod client_ip;
pub mod community;
pub mod config;
pub mod csp;
pub mod db;
pub mod error;
pub mod extract;
pub mod faults;
pub mod feedback;
pub mod idempotency;
pub mod mall;
pub mod me;
pub mod openapi;
pub mod paging;
pub mod routes;
pub mod seed;
pub mod state;
pub mod static_files;
pub mod store;
pub mod subscribers;
pub mod surveys;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use care_contract::auth::is_well_formed_code;
use tokio::net::TcpListener;

pub use config::Config;
pub use openapi::openapi_json;

use crate::db::Db;
use crate::faults::Faults;
use crate::state::AppState;
use crate::static_files::StaticSite;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Opens the database (migrating it, seeding demo data in demo mode) and reads the app.
pub async fn build_state(config: Config) -> Result<AppState, BoxError> {
    if config.demo && !is_well_formed_code(&config.demo_code) {
        return Err(format!(
            "--demo-code must be {} digits",
            care_contract::limits::CODE_LENGTH
        )
        .into());
    }
    let path = config.db_path.clone();
    let db = tokio::task::spawn_blocking(move || Db::open(&path)).await??;
    surveys::seed::load_surveys(&db, &config.clock).await?;
    if config.demo {
        seed::seed_demo(&db).await?;
        mall::seed::seed_demo(&db, &config.clock, &config.mall).await?;
        community::seed::seed_demo(&db, &config.clock, &config.community.get()).await?;
        feedback::seed::seed_demo(&db, &config.clock, &config.feedback.get()).await?;
        me::seed::seed_demo(&db, &config.clock).await?;
        surveys::seed::seed_demo(&db, &config.clock).await?;
        // After the tickets: a ticket notice names its ticket.
        care::seed::seed_demo(&db, &config.clock, &config.care).await?;
    } else if config.sms_outbox.is_none() {
        tracing::warn!("not in demo mode and no --sms-outbox: sign-in codes are not delivered");
    }
    if config.enable_faults {
        tracing::warn!("fault switch enabled at {}", faults::FAULTS_PATH);
    }
    let site = StaticSite::load(&config.static_dir);
    Ok(AppState {
        config: Arc::new(config),
        db,
        faults: Faults::default(),
        site: Arc::new(site),
    })
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(config: Config, listener: TcpListener) -> Result<(), BoxError> {
    serve_with_shutdown(config, listener, shutdown_signal()).await
}

/// Serves until `shutdown` completes, then finishes in-flight requests. Prints
/// `listening on http://ADDR` on stdout once ready.
pub async fn serve_with_shutdown(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BoxError> {
    let state = build_state(config).await?;
    let app = routes::router(state);
    let addr = listener.local_addr()?;
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{addr}")?;
        out.flush()?;
    }
    tracing::info!(%addr, "ready");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
