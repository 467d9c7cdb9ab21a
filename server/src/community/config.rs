//! The operator's community numbers: rate limits, the edit window, the forbidden words
//! and the points an adopted suggestion earns. Shared by clones (like the mall's clock):
//! a test changes them on its copy of the config, a browser test through
//! `PUT /api/_test/community/config` (with `--enable-faults`).

use std::fmt;
use std::sync::{Arc, RwLock};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommunityConfig {
    /// New threads one member may start in a rolling hour (0: no limit). Staff are not
    /// limited.
    pub threads_per_hour: u32,
    /// Replies one member may post in a rolling minute (0: no limit).
    pub replies_per_minute: u32,
    /// Minutes after posting during which the author may edit or delete a post.
    pub edit_window_minutes: u32,
    /// Words that hold a post for review instead of publishing it: matched in the title,
    /// body and poll options ignoring case and whitespace (`加 微 信` is `加微信`).
    pub forbidden_words: Vec<String>,
    /// Points an adopted idea-call suggestion earns its author (at least 1).
    pub adoption_points: i64,
}

/// The rate limits the operator starts with (the server's flags may change them).
pub const DEFAULT_THREADS_PER_HOUR: u32 = 5;
pub const DEFAULT_REPLIES_PER_MINUTE: u32 = 6;

/// What the operator starts with.
pub const DEFAULT_FORBIDDEN_WORDS: &[&str] = &["加微信", "代开发票", "刷单", "办证", "博彩"];

impl Default for CommunityConfig {
    fn default() -> Self {
        Self {
            threads_per_hour: DEFAULT_THREADS_PER_HOUR,
            replies_per_minute: DEFAULT_REPLIES_PER_MINUTE,
            edit_window_minutes: 30,
            forbidden_words: DEFAULT_FORBIDDEN_WORDS
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            adoption_points: 200,
        }
    }
}

/// Text as forbidden words are matched against it: lower case, no whitespace.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

impl CommunityConfig {
    /// The forbidden words found in any of `texts`, each once, in the list's order.
    pub fn matched_words(&self, texts: &[&str]) -> Vec<String> {
        let texts: Vec<String> = texts.iter().map(|t| folded(t)).collect();
        let mut found: Vec<String> = Vec::new();
        for word in &self.forbidden_words {
            let w = folded(word);
            if !w.is_empty() && texts.iter().any(|t| t.contains(&w)) && !found.contains(word) {
                found.push(word.clone());
            }
        }
        found
    }

    /// The edit window in milliseconds.
    pub fn edit_window_ms(&self) -> i64 {
        i64::from(self.edit_window_minutes) * 60_000
    }
}

/// The community config, shared by every clone of the server's `Config`.
#[derive(Clone, Default)]
pub struct SharedCommunityConfig {
    inner: Arc<RwLock<CommunityConfig>>,
}

impl SharedCommunityConfig {
    pub fn new(config: CommunityConfig) -> Self {
        Self {
            inner: Arc::new(RwLock::new(config)),
        }
    }

    /// A copy of the numbers now (a request uses one copy throughout).
    pub fn get(&self) -> CommunityConfig {
        self.inner.read().expect("community config lock").clone()
    }

    pub fn set(&self, config: CommunityConfig) {
        *self.inner.write().expect("community config lock") = config;
    }

    /// Changes some of the numbers in place.
    pub fn update(&self, change: impl FnOnce(&mut CommunityConfig)) {
        change(&mut self.inner.write().expect("community config lock"));
    }
}

impl fmt::Debug for SharedCommunityConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_words_match_ignoring_case_and_whitespace_each_once() {
        let cfg = CommunityConfig {
            forbidden_words: vec!["加微信".into(), "Spam".into(), " ".into()],
            ..CommunityConfig::default()
        };
        assert_eq!(cfg.matched_words(&["想了解的 加 微\u{3000}信"]), ["加微信"]);
        assert_eq!(
            cfg.matched_words(&["SPAM here", "加微信", "spam"]),
            ["加微信", "Spam"]
        );
        assert!(cfg.matched_words(&["宽带断网了", ""]).is_empty());
        assert!(
            CommunityConfig::default()
                .matched_words(&["帮忙刷单"])
                .len()
                == 1
        );
    }

    #[test]
    fn clones_share_the_numbers() {
        let shared = SharedCommunityConfig::default();
        let copy = shared.clone();
        copy.update(|c| c.edit_window_minutes = 1);
        assert_eq!(shared.get().edit_window_ms(), 60_000);
        shared.set(CommunityConfig::default());
        assert_eq!(copy.get(), CommunityConfig::default());
        assert_eq!(copy.get().edit_window_minutes, 30);
    }
}
