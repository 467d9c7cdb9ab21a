//! The frame around every page: top bar, bottom tab bar, toasts, first-visit prompt.

mod elder_switch;
mod shell;
mod tab_bar;
mod top_bar;

pub use elder_switch::ElderSwitch;
pub use shell::Shell;
