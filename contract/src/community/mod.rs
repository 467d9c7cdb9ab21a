//! The community (社区), under `/api/community`: boards, threads with replies one level
//! nested, votes, best answers, polls, idea calls (创意征集), reports, moderation and search.
//!
//! Reading is public (a signed-in member also gets `my_vote`, their own held posts and
//! what they may do); everything else needs a session, and moderation needs staff.
//!
//! Text: a title, body, reply or poll option is kept as the member typed it, trimmed of
//! the whitespace around it. Bodies and replies are a small Markdown subset the app
//! parses; the backend only enforces lengths (characters, not bytes) and never stores or
//! serves HTML of its own.
//!
//! Exactly once: creating a thread or a reply carries an `idempotency_key`, as a mall
//! redemption does (16-64 of `A-Z a-z 0-9 - _`, see [`crate::mall::is_valid_idempotency_key`]).
//! The same key with the same body answers the original post (200, `replayed: true`); the
//! same key with a different body is 409 `idempotency_conflict`.
//!
//! Visibility: a post is `published`, `held` (a forbidden word: awaiting review),
//! `hidden` (by staff), `rejected` (held, then refused by staff) or `deleted` (by its
//! author). Held and rejected posts are served only to their author and staff; anyone
//! else gets 404 (or, in a thread, nothing). A hidden or deleted reply shows to others as
//! a placeholder without author or body, so the replies under it keep their place; a
//! hidden thread is 404 to anyone but its author and staff, a deleted one to everyone.

mod boards;
mod ideas;
mod moderation;
mod polls;
mod posts;
mod replies;
mod search;
mod threads;
mod votes;

pub use boards::*;
pub use ideas::*;
pub use moderation::*;
pub use polls::*;
pub use posts::*;
pub use replies::*;
pub use search::*;
pub use threads::*;
pub use votes::*;

/// Shortest and longest thread title, in characters once trimmed (one line).
pub const TITLE_MIN_CHARS: usize = 4;
pub const TITLE_MAX_CHARS: usize = 50;
/// Shortest and longest thread body, in characters once trimmed (lines allowed).
pub const THREAD_BODY_MIN_CHARS: usize = 10;
pub const THREAD_BODY_MAX_CHARS: usize = 5000;
/// Shortest and longest reply, in characters once trimmed (lines allowed).
pub const REPLY_MIN_CHARS: usize = 2;
pub const REPLY_MAX_CHARS: usize = 2000;
/// Options in a poll, and the longest option in characters once trimmed (one line).
pub const POLL_MIN_OPTIONS: usize = 2;
pub const POLL_MAX_OPTIONS: usize = 6;
pub const POLL_OPTION_MAX_CHARS: usize = 30;
/// A poll closes at the end of a day (China time) from today up to this many days ahead.
pub const POLL_MAX_OPEN_DAYS: u32 = 30;
/// Longest free text with a report, and with a moderation action (lines allowed).
pub const REPORT_DETAIL_MAX_CHARS: usize = 200;
pub const MODERATION_NOTE_MAX_CHARS: usize = 200;
/// Longest search, in characters once trimmed. Words of `FTS_MIN_CHARS` or more are found
/// by the full-text index (substrings, Chinese included); shorter words by a plain scan.
pub const SEARCH_MAX_CHARS: usize = 50;
pub const FTS_MIN_CHARS: usize = 3;
/// Threads (and queue items, log entries) per page when none is asked for, and at most.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 50;
/// Replies per page when none is asked for, and at most (a long thread scrolls through
/// pages of these).
pub const DEFAULT_REPLIES_PER_PAGE: u32 = 30;
pub const MAX_REPLIES_PER_PAGE: u32 = 100;
/// Replies to a reply shown with it; the rest come from its children (`show more`).
pub const CHILD_PREVIEW: usize = 3;
/// Characters of a thread's body shown in a list (the raw text's start).
pub const EXCERPT_CHARS: usize = 80;

/// What is wrong with a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing or too little left once trimmed.
    TooShort,
    TooLong,
    /// A control character (in one-line text: any; in text with lines: one that is not
    /// whitespace, such as NUL).
    ControlCharacter,
}

/// Text as the server keeps it: trimmed, `min..=max` characters, no control character
/// (with `lines`, whitespace ones such as newlines and tabs are allowed).
pub fn checked_text(raw: &str, min: usize, max: usize, lines: bool) -> Result<String, TextProblem> {
    let t = raw.trim();
    let n = t.chars().count();
    if n < min {
        return Err(TextProblem::TooShort);
    }
    if n > max {
        return Err(TextProblem::TooLong);
    }
    let refused = |c: char| c.is_control() && !(lines && c.is_whitespace());
    if t.chars().any(refused) {
        return Err(TextProblem::ControlCharacter);
    }
    Ok(t.to_owned())
}

/// A thread title.
pub fn title(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, TITLE_MIN_CHARS, TITLE_MAX_CHARS, false)
}

/// A thread body.
pub fn thread_body(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, THREAD_BODY_MIN_CHARS, THREAD_BODY_MAX_CHARS, true)
}

/// A reply's body.
pub fn reply_body(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, REPLY_MIN_CHARS, REPLY_MAX_CHARS, true)
}

/// A poll option.
pub fn poll_option(raw: &str) -> Result<String, TextProblem> {
    checked_text(raw, 1, POLL_OPTION_MAX_CHARS, false)
}

/// Optional free text (a report's detail, a moderation note): `None` when absent or blank.
pub fn optional_note(raw: Option<&str>, max: usize) -> Result<Option<String>, TextProblem> {
    match raw {
        None => Ok(None),
        Some(raw) => checked_text(raw, 0, max, true).map(|t| (!t.is_empty()).then_some(t)),
    }
}

/// A search as the server uses it: trimmed, 1 to `SEARCH_MAX_CHARS` characters.
pub fn search_text(q: &str) -> Result<String, TextProblem> {
    let t = q.trim();
    let n = t.chars().count();
    if n == 0 {
        return Err(TextProblem::TooShort);
    }
    if n > SEARCH_MAX_CHARS {
        return Err(TextProblem::TooLong);
    }
    Ok(t.to_owned())
}

/// The words of a search: split at whitespace, each kept once.
pub fn search_words(q: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in q.split_whitespace() {
        if !words.iter().any(|seen| seen == w) {
            words.push(w.to_owned());
        }
    }
    words
}

/// The first `EXCERPT_CHARS` characters of a body, on one line, with `…` when cut.
pub fn excerpt(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(n: usize) -> String {
        "字".repeat(n)
    }

    #[test]
    fn a_title_is_4_to_50_characters_on_one_line() {
        assert_eq!(title(&chars(3)), Err(TextProblem::TooShort));
        assert_eq!(title(&format!("  {}\u{3000}", chars(4))), Ok(chars(4)));
        assert_eq!(title(&chars(50)), Ok(chars(50)));
        assert_eq!(title(&chars(51)), Err(TextProblem::TooLong));
        assert_eq!(title("宽带\n断网了"), Err(TextProblem::ControlCharacter));
        assert_eq!((TITLE_MIN_CHARS, TITLE_MAX_CHARS), (4, 50));
    }

    #[test]
    fn a_body_is_10_to_5000_characters_and_may_have_lines() {
        assert_eq!(thread_body(&chars(9)), Err(TextProblem::TooShort));
        assert_eq!(thread_body(&chars(10)), Ok(chars(10)));
        assert_eq!(thread_body(&chars(5000)), Ok(chars(5000)));
        assert_eq!(thread_body(&chars(5001)), Err(TextProblem::TooLong));
        let lines = "第一段\n\n- 一\n- 二\t**粗体**";
        assert_eq!(thread_body(lines), Ok(lines.to_owned()));
        assert_eq!(
            thread_body("第一段文字很长很长\u{0}"),
            Err(TextProblem::ControlCharacter)
        );
        // Markup is kept as typed: the server never turns it into anything.
        let markup = "<img src=x onerror=alert(1)> [链接](javascript:alert(1))";
        assert_eq!(thread_body(markup), Ok(markup.to_owned()));
    }

    #[test]
    fn a_reply_is_2_to_2000_characters() {
        assert_eq!(reply_body(" 好 "), Err(TextProblem::TooShort));
        assert_eq!(reply_body("谢谢"), Ok("谢谢".into()));
        assert_eq!(reply_body(&chars(2000)), Ok(chars(2000)));
        assert_eq!(reply_body(&chars(2001)), Err(TextProblem::TooLong));
    }

    #[test]
    fn a_poll_option_is_1_to_30_characters_on_one_line() {
        assert_eq!(poll_option("  "), Err(TextProblem::TooShort));
        assert_eq!(poll_option("是"), Ok("是".into()));
        assert_eq!(poll_option(&chars(30)), Ok(chars(30)));
        assert_eq!(poll_option(&chars(31)), Err(TextProblem::TooLong));
        assert_eq!(poll_option("a\tb"), Err(TextProblem::ControlCharacter));
    }

    #[test]
    fn a_note_is_optional_and_blank_means_none() {
        assert_eq!(optional_note(None, 5), Ok(None));
        assert_eq!(optional_note(Some("  \n "), 5), Ok(None));
        assert_eq!(optional_note(Some(" 广告 "), 5), Ok(Some("广告".into())));
        assert_eq!(
            optional_note(Some("一二三四五"), 5),
            Ok(Some("一二三四五".into()))
        );
        assert_eq!(
            optional_note(Some("一二三四五六"), 5),
            Err(TextProblem::TooLong)
        );
        assert_eq!(optional_note(Some("a\nb"), 5), Ok(Some("a\nb".into())));
        assert_eq!(
            optional_note(Some("a\u{7}b"), 5),
            Err(TextProblem::ControlCharacter)
        );
    }

    #[test]
    fn a_search_is_1_to_50_characters_and_its_words_are_kept_once() {
        assert_eq!(search_text(" \u{3000}"), Err(TextProblem::TooShort));
        assert_eq!(search_text(" 宽带 "), Ok("宽带".into()));
        assert_eq!(search_text(&chars(50)), Ok(chars(50)));
        assert_eq!(search_text(&chars(51)), Err(TextProblem::TooLong));
        assert_eq!(search_words("宽带  光猫 宽带"), ["宽带", "光猫"]);
        assert!(search_words(" ").is_empty());
    }

    #[test]
    fn an_excerpt_is_the_bodys_start_on_one_line() {
        assert_eq!(excerpt("第一行\n\n第二行"), "第一行 第二行");
        assert_eq!(excerpt(&chars(EXCERPT_CHARS)), chars(EXCERPT_CHARS));
        assert_eq!(
            excerpt(&chars(EXCERPT_CHARS + 1)),
            format!("{}…", chars(EXCERPT_CHARS))
        );
    }

    #[test]
    fn enums_travel_as_snake_case_and_parse_back() {
        fn round_trip<T>(all: &[T])
        where
            T: Copy + std::fmt::Debug + PartialEq + serde::Serialize + std::str::FromStr,
            &'static str: From<T>,
        {
            for &v in all {
                let name: &'static str = v.into();
                assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
                assert_eq!(name.parse::<T>().ok(), Some(v));
            }
        }
        round_trip(BoardKind::ALL);
        round_trip(PostKind::ALL);
        round_trip(PostState::ALL);
        round_trip(ThreadSort::ALL);
        round_trip(Vote::ALL);
        round_trip(VoteChoice::ALL);
        round_trip(ReportReason::ALL);
        round_trip(QueueFilter::ALL);
        round_trip(ThreadModAction::ALL);
        round_trip(ReplyModAction::ALL);
        round_trip(ModerationAction::ALL);
        round_trip(PostField::ALL);
        assert_eq!(PostState::Held.as_str(), "held");
        assert_eq!(ThreadSort::default(), ThreadSort::Hot);
        assert_eq!(PostField::PollOption.as_str(), "poll_option");
        assert_eq!(ModerationAction::BestAnswer.as_str(), "best_answer");
    }

    #[test]
    fn a_vote_adds_one_or_takes_one_and_a_withdrawal_leaves_none() {
        assert_eq!(Vote::Up.value(), 1);
        assert_eq!(Vote::Down.value(), -1);
        assert_eq!(VoteChoice::Up.vote(), Some(Vote::Up));
        assert_eq!(VoteChoice::Down.vote(), Some(Vote::Down));
        assert_eq!(VoteChoice::Withdraw.vote(), None);
    }
}
