//! 社区: boards, threads, replies one level nested, votes, best answers and polls.

mod api;
mod author_line;
mod community_page;
mod composer;
mod edit;
mod length;
mod markup;
pub mod markup_view;
mod moderation;
mod new_thread_page;
mod poll;
pub mod prefetch;
mod query;
mod replies;
mod report;
mod texts;
mod thread_card;
mod thread_page;
mod votes;
mod words;

pub use community_page::CommunityPage;
pub use moderation::ModerationPage;
pub use new_thread_page::NewThreadPage;
pub use thread_page::ThreadPage;
