//! Who is signed in, the sign-in screen, and the guard for pages that need an account.

mod form;
mod next;
mod prompt;
mod require;
mod session;
mod sign_in_page;
mod texts;

pub use next::{safe_next, sign_in_href};
pub use prompt::{SessionExpiredNote, SignInPrompt};
pub use require::RequireSignIn;
pub use session::{probably_signed_in, provide_session, use_session, Session, SessionState};
pub use sign_in_page::SignInPage;
