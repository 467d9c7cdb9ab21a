//! Care (关怀): the moments computed from a subscriber's profile and the China date
//! ([`moments`], [`holidays`]), their delivery with the app's notices into the care inbox
//! under the subscriber's preferences ([`store::deliver`]), the gift claim, the home
//! summary and the quarterly report. Types are `care_contract::care`; the operator's
//! numbers [`config::CareConfig`]; times come from the mall's clock (one clock for the
//! whole backend, pinned by tests).

pub mod config;
pub mod holidays;
pub mod moments;
pub mod routes;
pub mod seed;
pub mod store;

pub use config::CareConfig;
