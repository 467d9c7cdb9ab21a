//! The community (社区): boards, threads with replies one level nested, votes, best
//! answers, polls, idea calls, reports, moderation and search. The contract's types are in
//! `care_contract::community`, the operator's numbers in [`config::CommunityConfig`], the
//! demo boards and threads in [`seed`]. Times come from the mall's clock (one clock for
//! the whole backend, pinned by tests).

pub mod config;
pub mod routes;
pub mod seed;
pub mod store;

pub use config::{CommunityConfig, SharedCommunityConfig};
