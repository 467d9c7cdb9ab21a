//! What every handler shares.

use std::sync::Arc;

use crate::config::Config;
use crate::db::Db;
use crate::faults::Faults;
use crate::static_files::StaticSite;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub faults: Faults,
    pub site: Arc<StaticSite>,
}
