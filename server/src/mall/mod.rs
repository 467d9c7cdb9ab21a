//! The points mall (积分商城): points lots with expiry and the ledger, daily check-in, the
//! catalogue, exactly-once redemption, orders, delivery addresses and charity donations.
//! The arithmetic lives in `care_contract::points`, the operator's numbers in
//! [`config::MallConfig`], the demo catalogue and ledgers in [`seed`].

pub mod clock;
pub mod config;
pub mod routes;
pub mod seed;
pub mod store;

pub use clock::Clock;
pub use config::MallConfig;
