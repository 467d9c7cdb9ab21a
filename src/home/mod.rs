//! 首页: a greeting, the signed-in subscriber's day (care's part, `care::HomeSummaryCards`,
//! loaded with the "me" group), the elder-mode switch, one tap to a person, and the way to
//! every service.

mod elder_home;
mod greeting;
mod page;

pub use elder_home::ElderTiles;
pub use page::HomePage;
