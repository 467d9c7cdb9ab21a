//! What elder mode (长辈版) adds beyond bigger sizes: read-aloud, the help button on every
//! screen, and a question before anything is sent. The sizes themselves are tokens
//! (`prefs::tokens`), the elder home is `home::elder_home`.

pub mod confirm;
mod help_sheet;
mod read_aloud;
mod speech;
pub mod speech_text;
mod tools_bar;

pub use confirm::{provide_confirm_send, use_confirm_send, ConfirmSendDialog};
pub use tools_bar::ElderTools;
