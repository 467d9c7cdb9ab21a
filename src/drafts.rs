//! Half-typed input that must survive a reload. Personal values (a phone number) go to
//! sessionStorage, which the browser forgets when the tab closes; longer drafts (posts,
//! feedback) go to localStorage, which keeps them over a closed tab and a sign-out, under
//! versioned keys.

/// A text draft kept in sessionStorage under a versioned key.
pub struct SessionDraft {
    key: &'static str,
}

impl SessionDraft {
    pub const fn new(key: &'static str) -> Self {
        SessionDraft { key }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    pub fn load(&self) -> String {
        Self::storage()
            .and_then(|s| s.get_item(self.key).ok().flatten())
            .unwrap_or_default()
    }

    /// Saving is best effort: a browser that refuses storage still lets the user type.
    pub fn save(&self, value: &str) {
        if let Some(storage) = Self::storage() {
            let _ = storage.set_item(self.key, value);
        }
    }

    /// A structured draft (an address, a request waiting for its answer), or none when
    /// nothing is kept or what is kept no longer reads as `T`.
    pub fn load_json<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(&self.load()).ok()
    }

    pub fn save_json<T: serde::Serialize>(&self, value: &T) {
        if let Ok(json) = serde_json::to_string(value) {
            self.save(&json);
        }
    }

    pub fn clear(&self) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(self.key);
        }
    }
}

/// A longer draft (a post, a reply) kept in localStorage under a versioned key, which may
/// name what it belongs to (`care.community.reply.v1:42`).
pub struct LocalDraft {
    key: String,
}

impl LocalDraft {
    pub fn new(key: impl Into<String>) -> Self {
        LocalDraft { key: key.into() }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn load(&self) -> String {
        Self::storage()
            .and_then(|s| s.get_item(&self.key).ok().flatten())
            .unwrap_or_default()
    }

    /// Best effort, as for `SessionDraft`. An empty draft is removed, not kept.
    pub fn save(&self, value: &str) {
        if value.is_empty() {
            return self.clear();
        }
        if let Some(storage) = Self::storage() {
            let _ = storage.set_item(&self.key, value);
        }
    }

    pub fn load_json<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(&self.load()).ok()
    }

    pub fn save_json<T: serde::Serialize>(&self, value: &T) {
        if let Ok(json) = serde_json::to_string(value) {
            self.save(&json);
        }
    }

    pub fn clear(&self) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}
