use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// What the user chose. Stored as JSON; see `storage::parse_prefs` for how a stored value
/// from an older or newer build is read.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Prefs {
    pub elder_mode: bool,
    pub text_size: TextSize,
    pub theme: Theme,
    pub locale: Locale,
    /// The first-visit question about elder mode has been answered (either way).
    pub elder_prompt_answered: bool,
    /// Read each new screen aloud as it opens (the read-aloud button reads on request).
    pub read_aloud_auto: bool,
}

/// Text-size steps. Each multiplies the mode's base size (16 px standard, 20 px elder).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: &'static [TextSize] = <TextSize as strum::VariantArray>::VARIANTS;

    /// Scale over the base size. The largest step turns 16 px body text into 30 px, the
    /// elder-friendly rules' minimum for the largest setting.
    pub fn scale(self) -> f64 {
        match self {
            TextSize::Standard => 1.0,
            TextSize::Large => 1.25,
            TextSize::Larger => 1.5,
            TextSize::Largest => 1.875,
        }
    }

    /// The name stored and put on the page (`data-theme`, CSS classes): serde's name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Contrast,
}

impl Theme {
    pub const ALL: &'static [Theme] = <Theme as strum::VariantArray>::VARIANTS;

    /// The name stored and put on the page (`data-theme`, CSS classes): serde's name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}
