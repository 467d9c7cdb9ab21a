//! The operator's feedback numbers: the service levels (deadlines, the appeal notice) and
//! the photo limits. Shared by clones (like the mall's clock and the community's config):
//! a test changes them on its copy of the config, a browser test through
//! `PUT /api/_test/feedback/config` (with `--enable-faults`).

use std::fmt;
use std::sync::{Arc, RwLock};

use care_contract::feedback::{ServiceLevels, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_SIDE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeedbackConfig {
    pub levels: ServiceLevels,
    /// Largest upload in bytes (the route's body limit is the contract's
    /// `PHOTO_MAX_BYTES`; this may only lower it).
    pub photo_max_bytes: usize,
    /// Largest image in pixels, read from its header before decoding.
    pub photo_max_pixels: u64,
    /// Longest side of a kept photo.
    pub photo_max_side: u32,
}

impl Default for FeedbackConfig {
    fn default() -> Self {
        Self {
            levels: ServiceLevels::default(),
            photo_max_bytes: PHOTO_MAX_BYTES,
            photo_max_pixels: PHOTO_MAX_PIXELS,
            photo_max_side: PHOTO_MAX_SIDE,
        }
    }
}

/// The feedback config, shared by every clone of the server's `Config`.
#[derive(Clone, Default)]
pub struct SharedFeedbackConfig {
    inner: Arc<RwLock<FeedbackConfig>>,
}

impl SharedFeedbackConfig {
    pub fn new(config: FeedbackConfig) -> Self {
        Self {
            inner: Arc::new(RwLock::new(config)),
        }
    }

    /// A copy of the numbers now (a request uses one copy throughout).
    pub fn get(&self) -> FeedbackConfig {
        *self.inner.read().expect("feedback config lock")
    }

    pub fn set(&self, config: FeedbackConfig) {
        *self.inner.write().expect("feedback config lock") = config;
    }

    /// Changes some of the numbers in place.
    pub fn update(&self, change: impl FnOnce(&mut FeedbackConfig)) {
        change(&mut self.inner.write().expect("feedback config lock"));
    }
}

impl fmt::Debug for SharedFeedbackConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_numbers() {
        let shared = SharedFeedbackConfig::default();
        let copy = shared.clone();
        copy.update(|c| c.levels.high_risk_within_hours = 1);
        assert_eq!(shared.get().levels.high_risk_within_hours, 1);
        shared.set(FeedbackConfig::default());
        assert_eq!(copy.get().levels.high_risk_within_hours, 2);
        assert_eq!(copy.get().photo_max_side, 2048);
    }
}
