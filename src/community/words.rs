//! The community's words for what the backend refuses, in the user's language.

use care_contract::ErrorCode;

use super::texts::Texts;
use crate::api::ApiError;

/// Why a post, a reply or a vote did not go through: the community's own refusals by
/// name, anything else in the app's general words.
pub fn refusal_text(error: &ApiError, t: &'static Texts) -> String {
    let field = error.details().and_then(|d| d.field);
    let field = field.as_deref();
    match error.code() {
        Some(ErrorCode::OwnPost) => t.refused_own_post.to_owned(),
        Some(ErrorCode::ThreadLocked) => t.refused_thread_locked.to_owned(),
        Some(ErrorCode::UndoExpired) => t.refused_undo_delete_expired.to_owned(),
        Some(ErrorCode::PollClosed) => t.refused_poll_closed.to_owned(),
        Some(ErrorCode::AlreadyVoted) => t.refused_already_voted.to_owned(),
        Some(ErrorCode::EditWindowClosed) => t.refused_edit_window_closed.to_owned(),
        Some(ErrorCode::RateLimited) => {
            let seconds = match error {
                ApiError::Http {
                    retry_after_secs, ..
                } => *retry_after_secs,
                _ => None,
            };
            t.refused_rate_limited(i64::from(seconds.unwrap_or(60).div_ceil(60).max(1)))
        }
        Some(ErrorCode::InvalidPost) => match field {
            Some("title") => t.refused_invalid_title.to_owned(),
            Some("poll_option") => t.refused_invalid_poll_option.to_owned(),
            _ => t.refused_invalid_body.to_owned(),
        },
        _ => error.message(t).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Details;
    use crate::community::texts::of;
    use crate::i18n::Locale;
    use care_contract::ErrorDetails;

    fn refused(code: ErrorCode, field: Option<&str>, retry_after_secs: Option<u32>) -> ApiError {
        ApiError::Http {
            status: code.http_status(),
            code,
            retry_after_secs,
            details: field.map(|f| {
                Details::from(ErrorDetails {
                    field: Some(f.to_owned()),
                    ..ErrorDetails::default()
                })
            }),
        }
    }

    #[test]
    fn the_communitys_refusals_are_named_in_both_languages() {
        let zh = of(Locale::ZhCn);
        let en = of(Locale::En);
        assert_eq!(
            refusal_text(&refused(ErrorCode::UndoExpired, None, None), zh),
            "已经超过 10 分钟，不能撤销了"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::UndoExpired, None, None), en),
            "More than 10 minutes have passed, so it cannot be undone"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::OwnPost, None, None), zh),
            "不能给自己的帖子投票"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::ThreadLocked, None, None), en),
            "This thread is locked and takes no more replies"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::InvalidPost, Some("title"), None), zh),
            "标题的长度不合适"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::InvalidPost, Some("body"), None), zh),
            "正文的长度不合适，请看一下字数"
        );
    }

    #[test]
    fn a_rate_limit_says_how_many_minutes_rounded_up() {
        let en = of(Locale::En);
        assert_eq!(
            refusal_text(&refused(ErrorCode::RateLimited, None, Some(61)), en),
            "That was quick: please try again in 2 minutes"
        );
        assert_eq!(
            refusal_text(&refused(ErrorCode::RateLimited, None, Some(20)), en),
            "That was quick: please try again in a minute"
        );
        assert_eq!(
            refusal_text(
                &refused(ErrorCode::RateLimited, None, None),
                of(Locale::ZhCn)
            ),
            "发得有点快了，请 1 分钟后再试"
        );
    }

    #[test]
    fn anything_else_gets_the_apps_general_words() {
        let zh = of(Locale::ZhCn);
        assert_eq!(
            refusal_text(&ApiError::Timeout, zh),
            ApiError::Timeout.message(zh)
        );
    }
}
