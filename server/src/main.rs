//! `care-server`: parses flags (and their environment variables), then serves.

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use care_server::config::{Cli, Config};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if cli.print_openapi {
        print!("{}", care_server::openapi_json());
        return std::process::ExitCode::SUCCESS;
    }
    // Logs go to stderr: stdout carries only the `listening on` line.
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let config = Config::from(cli);
    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            tracing::error!(addr = %config.addr, error = %e, "cannot listen");
            return std::process::ExitCode::FAILURE;
        }
    };
    match care_server::serve(config, listener).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "server failed");
            std::process::ExitCode::FAILURE
        }
    }
}
