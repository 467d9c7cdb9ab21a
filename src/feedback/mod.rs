//! 反馈: enquiries, complaints, suggestions and fault reports as tickets with service
//! levels, photos, messages and ratings; staff's queue; the quick-rating link; surveys.

mod api;
mod deadline;
mod feedback_page;
mod messages;
mod new_ticket_page;
mod photo_picker;
mod photo_shrink;
pub mod prefetch;
mod queue_page;
mod quick_rate_page;
pub(crate) mod rating_form;
mod staff_actions;
pub mod surveys;
pub(crate) mod texts;
mod ticket_draft;
mod ticket_page;
mod ticket_row;
mod timeline;
mod undo_withdrawal;
mod words;

pub use feedback_page::FeedbackPage;
pub use new_ticket_page::NewTicketPage;
pub use queue_page::QueuePage;
pub use quick_rate_page::QuickRatePage;
pub use surveys::{SurveyPage, SurveyResultsPage};
pub use ticket_page::TicketPage;
