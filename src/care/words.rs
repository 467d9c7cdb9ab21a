//! A care message in words: the server sends its kind and numbers, the app says it in the
//! user's language. Moments take the home page's headlines (the same words in both places);
//! notices about threads and tickets have their own.

use care_contract::care::{CareMessage, CareParams, MessageKind};

use super::moment::{moment_detail, moment_headline, MomentParams};
use super::texts::Texts;

/// The message's headline.
pub fn message_title(kind: MessageKind, params: &CareParams, t: &Texts) -> String {
    use MessageKind::*;
    if let Some(headline) = moment_headline(kind, &MomentParams::from(params), t) {
        return headline;
    }
    match kind {
        ThreadReplied => t.care_notice_thread_replied,
        AnswerAccepted => t.care_notice_answer_accepted,
        IdeaAdopted => t.care_notice_idea_adopted,
        TicketAnswered => t.care_notice_ticket_answered,
        TicketNeedsInfo => t.care_notice_ticket_needs_info,
        _ => t.care_notice_ticket_resolved,
    }
    .to_owned()
}

/// The lines under the headline: the moment's wish and what it brings, or which thread or
/// ticket a notice is about.
pub fn message_body(kind: MessageKind, params: &CareParams, t: &Texts) -> Vec<String> {
    use MessageKind::*;
    let title = params.title.as_deref().unwrap_or_default();
    let ticket = || t.care_body_ticket(&params.ticket_id.unwrap_or_default().to_string());
    let wish = match kind {
        Birthday => t.care_body_birthday.to_owned(),
        NetworkAnniversary => t.care_body_anniversary.to_owned(),
        SpringFestival | MidAutumn | NationalDay => t.care_body_holiday.to_owned(),
        DoubleNinth => t.care_body_double_ninth.to_owned(),
        NewUserGuide => t.care_body_guide.to_owned(),
        QuarterlyReport => t.care_body_report.to_owned(),
        ThreadReplied | AnswerAccepted => t.care_body_thread(title),
        IdeaAdopted => match params.points {
            Some(points) => t.care_body_idea_points(points, title),
            None => t.care_body_thread(title),
        },
        TicketAnswered | TicketNeedsInfo | TicketResolved => ticket(),
    };
    // A gift is said by its claim button; double points here.
    let mut lines = vec![wish];
    lines.extend(moment_detail(&MomentParams::from(params), None, t));
    lines
}

/// Where the message's button leads, if anywhere but the inbox itself.
pub fn message_link(message: &CareMessage) -> Option<&str> {
    message.link.as_deref().filter(|link| *link != "/care")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, TextBundle};

    fn texts(locale: Locale) -> &'static Texts {
        Texts::of(locale)
    }

    #[test]
    fn every_kind_has_a_title_and_a_body_in_both_languages() {
        for locale in Locale::ALL {
            for kind in MessageKind::ALL.iter().copied() {
                let params = CareParams::default();
                assert!(!message_title(kind, &params, texts(locale)).is_empty());
                assert!(message_body(kind, &params, texts(locale))
                    .iter()
                    .all(|line| !line.is_empty()));
            }
        }
    }

    #[test]
    fn notices_name_their_thread_and_ticket() {
        let zh = texts(Locale::ZhCn);
        let thread = CareParams {
            thread_id: Some(4),
            title: Some("宽带装机要多久".to_owned()),
            ..Default::default()
        };
        assert_eq!(
            message_title(MessageKind::ThreadReplied, &thread, zh),
            "有人回复了您的帖子"
        );
        assert_eq!(
            message_body(MessageKind::ThreadReplied, &thread, zh),
            ["帖子：宽带装机要多久"]
        );
        let adopted = CareParams {
            points: Some(1),
            ..thread.clone()
        };
        assert_eq!(
            message_body(MessageKind::IdeaAdopted, &adopted, texts(Locale::En)),
            ["Thread: 宽带装机要多久. 1 point has been added."]
        );
        let ticket = CareParams {
            ticket_id: Some(42),
            ..Default::default()
        };
        assert_eq!(
            message_body(MessageKind::TicketResolved, &ticket, zh),
            ["工单编号 42"]
        );
    }

    #[test]
    fn a_holiday_with_double_points_says_so() {
        let en = texts(Locale::En);
        let double = CareParams {
            points_multiplier: Some(2),
            ..Default::default()
        };
        assert_eq!(
            message_body(MessageKind::NationalDay, &double, en),
            [
                "Happy holidays to you and your family.",
                "Check-in points count 2 times today"
            ]
        );
        assert_eq!(
            message_title(MessageKind::NationalDay, &double, texts(Locale::ZhCn)),
            "国庆节快乐"
        );
    }
}
