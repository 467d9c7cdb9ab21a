//! The JSON contract between the care app and the operator's backend.
//!
//! Every request and response body the app sends or reads is a type in this crate, so the
//! app (wasm32) and the reference server (native) cannot drift apart. With the `openapi`
//! feature the types also describe themselves for the OpenAPI document the server serves.
//!
//! Conventions: field names are snake_case, timestamps are RFC 3339 UTC, dates are
//! `YYYY-MM-DD`, money and points are integers.

pub mod auth;
pub mod care;
pub mod community;
pub mod error;
pub mod feedback;
pub mod integer;
pub mod limits;
pub mod mall;
pub mod me;
pub mod meta;
mod names;
pub mod pattern;
pub mod phone;
pub mod points;
pub mod profile;
pub mod surveys;
pub mod time;
pub mod undo;

pub use error::{ApiError, ErrorCode, ErrorDetails};
