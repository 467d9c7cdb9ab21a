//! Design tokens that depend on preferences. Pure arithmetic, tested here; the stylesheet
//! uses them through `var(--…)` and rem units.

use super::Prefs;

/// Sizes in CSS pixels for the current preferences.
#[derive(Clone, Debug, PartialEq)]
pub struct DesignTokens {
    /// `<html>` font size: 1rem. Body text is 1rem.
    pub root_font_px: f64,
    /// Line height as a multiple of the font size.
    pub line_height: f64,
    /// Space between paragraphs (the margin after one), as a multiple of the font size.
    pub paragraph_gap: f64,
    /// Smallest width and height of anything tappable, in rem.
    pub tap_rem: f64,
}

/// Standard body text, and the floor the elder-friendly rules set for tap targets.
const STANDARD_BASE_PX: f64 = 16.0;
const STANDARD_TAP_PX: f64 = 44.0;
/// Elder mode: at least 18 px body text (we use 20) and 60 px targets.
const ELDER_BASE_PX: f64 = 20.0;
const ELDER_TAP_PX: f64 = 60.0;

impl DesignTokens {
    pub fn for_prefs(prefs: &Prefs) -> Self {
        let (base, tap_px, line_height) = if prefs.elder_mode {
            (ELDER_BASE_PX, ELDER_TAP_PX, 1.6)
        } else {
            (STANDARD_BASE_PX, STANDARD_TAP_PX, 1.5)
        };
        DesignTokens {
            root_font_px: base * prefs.text_size.scale(),
            line_height,
            // Elder mode: the rules ask for paragraph spacing of at least 1.3x the line
            // spacing; we read "line spacing" strictly, as the whole line height.
            paragraph_gap: if prefs.elder_mode {
                line_height * 1.3
            } else {
                0.75
            },
            // Tap targets are fixed in rem against the base, so they grow with the text.
            tap_rem: tap_px / base,
        }
    }

    /// The custom properties written on `<html>`, plus its font size.
    pub fn css_properties(&self) -> [(&'static str, String); 5] {
        [
            ("font-size", format!("{}px", self.root_font_px)),
            ("--font-root", format!("{}px", self.root_font_px)),
            ("--line-height", format!("{}", self.line_height)),
            ("--paragraph-gap", format!("{}em", self.paragraph_gap)),
            ("--tap", format!("{}rem", self.tap_rem)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prefs::TextSize;

    fn tokens(elder_mode: bool, text_size: TextSize) -> DesignTokens {
        DesignTokens::for_prefs(&Prefs {
            elder_mode,
            text_size,
            ..Prefs::default()
        })
    }

    #[test]
    fn standard_mode_keeps_44px_targets_and_16px_text() {
        let t = tokens(false, TextSize::Standard);
        assert_eq!(t.root_font_px, 16.0);
        assert_eq!(t.tap_rem * t.root_font_px, 44.0);
    }

    #[test]
    fn elder_mode_meets_the_elder_friendly_floors() {
        let t = tokens(true, TextSize::Standard);
        assert!(t.root_font_px >= 20.0);
        assert!(t.line_height >= 1.5);
        assert!(t.paragraph_gap >= 1.3 * t.line_height);
        assert!(t.tap_rem * t.root_font_px >= 60.0);
    }

    #[test]
    fn the_largest_text_size_reaches_30px_in_every_mode() {
        assert!(tokens(false, TextSize::Largest).root_font_px >= 30.0);
        assert!(tokens(true, TextSize::Largest).root_font_px >= 30.0);
    }

    #[test]
    fn text_sizes_grow_step_by_step_and_targets_grow_with_them() {
        for elder in [false, true] {
            let sizes: Vec<DesignTokens> =
                TextSize::ALL.iter().map(|&s| tokens(elder, s)).collect();
            for pair in sizes.windows(2) {
                assert!(pair[1].root_font_px > pair[0].root_font_px);
                assert!(
                    pair[1].tap_rem * pair[1].root_font_px > pair[0].tap_rem * pair[0].root_font_px
                );
            }
        }
    }
}
