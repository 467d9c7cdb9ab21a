//! The one rule for a session the server has forgotten (signed out elsewhere, expired, a
//! backend restarted with a fresh database): any call answered 401 `unauthenticated`
//! reports it here, once, in the API layer, and whoever keeps the session
//! (`auth::session`) signs the app out. Pages never handle a 401 themselves: a page that
//! needs an account then sends the user to sign in and back, and what they typed stays in
//! its draft.

use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static LISTENER: RefCell<Option<Rc<dyn Fn()>>> = RefCell::new(None);
}

/// Registers what happens when the server says the session is over (the app has one
/// session, so one listener; a second registration replaces the first).
pub fn on_session_ended(listener: impl Fn() + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

/// Called by the client for every 401 `unauthenticated` answer.
pub(crate) fn report() {
    // Cloned out first: the listener may make calls that report again.
    if let Some(listener) = LISTENER.with(|l| l.borrow().clone()) {
        listener();
    }
}
