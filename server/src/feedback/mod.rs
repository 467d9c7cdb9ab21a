//! Feedback tickets (反馈工单): subscribers' enquiries, complaints, suggestions and fault
//! reports with their timeline, messages, photos and ratings, staff's queue, and the
//! one-tap quick rating. The contract's types and pure rules (deadlines, the appeal
//! notice, what a rating does) are in `care_contract::feedback`; the operator's numbers in
//! [`config::FeedbackConfig`]; who may do what in [`store::rules`]; the image checks in
//! [`photos`]; the demo tickets in [`seed`]. Times come from the mall's clock (one clock
//! for the whole backend, pinned by tests).

pub mod config;
pub mod photos;
pub mod routes;
pub mod seed;
pub mod store;

pub use config::{FeedbackConfig, SharedFeedbackConfig};
