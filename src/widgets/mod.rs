//! Widgets shared by every capability.

pub mod choice_group;
pub mod dialog;
pub mod elder_prompt;
pub mod error_view;
pub mod icons;
pub mod length;
pub mod length_field;
pub mod loaded;
pub mod page_loading;
pub mod page_title;
pub mod pager;
pub mod panic_screen;
pub mod skeleton;
pub mod submit_status;
pub mod toast;
