//! 反馈: enquiries, complaints, suggestions and fault reports as tickets with service
//! levels, photos, messages and ratings; staff's queue; the quick-rating link.

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
mod rating_form;
mod staff_actions;
mod texts;
mod ticket_draft;
mod ticket_page;
mod ticket_row;
mod timeline;
mod words;

pub use feedback_page::FeedbackPage;
pub use new_ticket_page::NewTicketPage;
pub use queue_page::QueuePage;
pub use quick_rate_page::QuickRatePage;
pub use ticket_page::TicketPage;
