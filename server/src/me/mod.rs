//! "Me (我的)": the tier and value score, family contacts (亲情号), callback requests to a
//! human agent, and the privacy centre (what is kept, the export, a deletion request).
//! Rules shared with the app live in `care_contract::me`; the operator's numbers in
//! [`config::MeConfig`]; demo data in [`seed`].

pub mod config;
pub mod openapi;
pub mod routes;
pub mod seed;
pub mod store;

pub use config::MeConfig;
