//! 首页: a greeting, the elder-mode switch, one tap to a person, and the way to every
//! service.

mod greeting;
mod page;

pub use page::HomePage;
