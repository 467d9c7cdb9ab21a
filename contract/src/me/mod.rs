//! "Me (我的)": the subscriber's tier and value score, family contacts (亲情号), callback
//! requests to a human agent, and the privacy centre (what is kept, an export of it all, a
//! deletion request).

pub mod callbacks;
pub mod export;
pub mod family;
pub mod privacy;
pub mod tier;

pub use callbacks::*;
pub use export::*;
pub use family::*;
pub use privacy::*;
pub use tier::*;
