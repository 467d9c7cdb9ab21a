//! The client for the operator's JSON API. Every call has a timeout, is aborted when the
//! view that started it goes away, and fails with one typed [`ApiError`].

pub mod auth;
pub(crate) mod client;
pub mod config;
mod error;
pub mod meta;
pub mod prefetch;
pub mod profile;
pub mod session_ended;
pub mod submit_once;
pub mod upload;

pub use client::REQUEST_TIMEOUT_MS;
pub use error::{ApiError, Details};
