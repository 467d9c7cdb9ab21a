//! Half-typed input that must survive a reload, under versioned keys. Personal values (a
//! phone number, an address, a request on its way) are kept for the tab: sessionStorage,
//! which the browser forgets when the tab closes. Longer drafts (posts, feedback) are kept
//! on the device: localStorage, which keeps them over a closed tab and a sign-out.

use std::borrow::Cow;

/// Which of the browser's stores a draft lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    ForTheTab,
    OnTheDevice,
}

/// A draft under one key. Saving is best effort: a browser that refuses storage still lets
/// the user type. An empty draft is removed, not kept.
pub struct Draft {
    key: Cow<'static, str>,
    kept: Kept,
}

impl Draft {
    /// Kept for the tab (sessionStorage): personal values.
    pub const fn for_the_tab(key: &'static str) -> Self {
        Draft {
            key: Cow::Borrowed(key),
            kept: Kept::ForTheTab,
        }
    }

    /// Kept on the device (localStorage): posts and forms. The key may name what the draft
    /// belongs to (`care.community.reply.v1:42`).
    pub fn on_the_device(key: impl Into<Cow<'static, str>>) -> Self {
        Draft {
            key: key.into(),
            kept: Kept::OnTheDevice,
        }
    }

    fn storage(&self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match self.kept {
            Kept::ForTheTab => window.session_storage(),
            Kept::OnTheDevice => window.local_storage(),
        }
        .ok()
        .flatten()
    }

    pub fn load(&self) -> String {
        self.storage()
            .and_then(|s| s.get_item(&self.key).ok().flatten())
            .unwrap_or_default()
    }

    pub fn save(&self, value: &str) {
        if value.is_empty() {
            return self.clear();
        }
        if let Some(storage) = self.storage() {
            let _ = storage.set_item(&self.key, value);
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
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}
