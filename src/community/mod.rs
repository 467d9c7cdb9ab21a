//! 社区: boards, threads, replies one level nested, votes, best answers and polls.

mod api;
mod author_line;
mod community_page;
mod composer;
mod edit;
mod markup;
pub mod markup_view;
mod moderation_log_page;
mod moderation_page;
mod new_thread_page;
mod poll;
mod poll_editor;
pub mod prefetch;
mod query;
mod replies;
mod report;
mod staff_actions;
mod texts;
mod thread_card;
mod thread_draft;
mod thread_page;
mod undo_deletion;
mod votes;
mod words;

pub use community_page::CommunityPage;
pub use moderation_log_page::ModerationLogPage;
pub use moderation_page::ModerationPage;
pub use new_thread_page::NewThreadPage;
pub use thread_page::ThreadPage;
