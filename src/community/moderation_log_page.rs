//! 处理记录: every moderation action, newest first (staff only): who did what to which
//! post, when, and the note they left. The backend writes it; nothing here changes it.

use care_contract::community::{ModerationAction, ModerationLogEntry, ModerationLogPage, PostKind};
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use super::texts::{tr, use_texts, Texts};
use crate::auth::RequireSignIn;
use crate::i18n::dates::format_date_time;
use crate::prefs::use_prefs;
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::pager::{page_count, use_page_in_address, LinkPager};

pub fn action_label(action: ModerationAction, t: &Texts) -> &'static str {
    match action {
        ModerationAction::Held => t.log_held,
        ModerationAction::Approved => t.log_approved,
        ModerationAction::Rejected => t.log_rejected,
        ModerationAction::Hidden => t.log_hidden,
        ModerationAction::Restored => t.log_restored,
        ModerationAction::Locked => t.log_locked,
        ModerationAction::Unlocked => t.log_unlocked,
        ModerationAction::Pinned => t.log_pinned,
        ModerationAction::Unpinned => t.log_unpinned,
        ModerationAction::Dismissed => t.log_dismissed,
        ModerationAction::Adopted => t.log_adopted,
        ModerationAction::BestAnswer => t.log_best_answer,
        ModerationAction::Deleted => t.log_deleted,
        ModerationAction::DeletionUndone => t.log_deletion_undone,
    }
}

/// Where an entry's post is: its thread, at the reply when it is one.
pub fn post_href(entry: &ModerationLogEntry) -> String {
    match entry.post.kind {
        PostKind::Thread => format!("/community/threads/{}", entry.thread_id),
        PostKind::Reply => format!(
            "/community/threads/{}#reply-{}",
            entry.thread_id, entry.post.id
        ),
    }
}

pub fn log_href(page: u32) -> String {
    match page {
        0 | 1 => "/community/moderation/log".to_owned(),
        page => format!("/community/moderation/log?page={page}"),
    }
}

#[component]
pub fn ModerationLogPage() -> impl IntoView {
    set_page_meta(|t| t.moderation_log_title, Some("/community/moderation"));
    let page = use_page_in_address();
    view! {
        <div class="page moderation-log-page">
            <RequireSignIn let:_signed_in>
                <Log page />
            </RequireSignIn>
        </div>
    }
}

#[component]
fn Log(page: Memo<u32>) -> impl IntoView {
    let loaded = LocalResource::new(move || api::fetch_log(page.get()));
    view! {
        <Loaded data=loaded skeleton=&[3, 3, 3] let:log>
            <LogList log />
        </Loaded>
    }
}

#[component]
fn LogList(log: ModerationLogPage) -> impl IntoView {
    let pages = page_count(log.total, log.per_page);
    let current = log.page;
    view! {
        <h2 class="section-title" id="log-title">{tr(|t| t.log_list_label)}</h2>
        {if log.entries.is_empty() {
            view! { <p class="card empty-state">{tr(|t| t.log_empty)}</p> }.into_any()
        } else {
            view! {
                <ol class="card log-list" aria-labelledby="log-title">
                    {log.entries.into_iter().map(|entry| view! { <LogEntry entry /> }).collect_view()}
                </ol>
            }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <LinkPager page=current pages href=log_href label=tr(|t| t.log_list_label) />
        })}
    }
}

#[component]
fn LogEntry(entry: ModerationLogEntry) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let href = post_href(&entry);
    let ModerationLogEntry {
        at,
        actor,
        action,
        post,
        note,
        ..
    } = entry;
    let kind = post.kind;
    let who = actor.map(|a| a.nickname);
    view! {
        <li class="log-entry">
            <div class="log-entry__what">
                <span class="badge">{move || action_label(action, t.get())}</span>
                <A href=href>{move || match kind {
                    PostKind::Thread => t.get().log_thread(&post.id.to_string()),
                    PostKind::Reply => t.get().log_reply(&post.id.to_string()),
                }}</A>
            </div>
            <div class="log-entry__meta">
                {match who {
                    Some(name) => view! { <span>{name}</span> }.into_any(),
                    None => view! { <span>{tr(|t| t.log_by_system)}</span> }.into_any(),
                }}
                " · "
                <time datetime=at.to_rfc3339()>{move || format_date_time(at, locale.get())}</time>
            </div>
            {note.map(|note| view! {
                <p class="log-entry__note">
                    {move || if action == ModerationAction::Held { t.get().queue_matched(&note) } else { t.get().log_note(&note) }}
                </p>
            })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use care_contract::community::PostRef;
    use chrono::Utc;

    fn entry(kind: PostKind, id: i64) -> ModerationLogEntry {
        ModerationLogEntry {
            id: 1,
            at: Utc::now(),
            actor: None,
            action: ModerationAction::Hidden,
            post: PostRef { kind, id },
            thread_id: 7,
            note: None,
        }
    }

    #[test]
    fn an_entry_links_to_its_thread_or_to_the_reply_in_it() {
        assert_eq!(
            post_href(&entry(PostKind::Thread, 7)),
            "/community/threads/7"
        );
        assert_eq!(
            post_href(&entry(PostKind::Reply, 42)),
            "/community/threads/7#reply-42"
        );
    }

    #[test]
    fn the_first_page_has_no_page_number() {
        assert_eq!(log_href(1), "/community/moderation/log");
        assert_eq!(log_href(2), "/community/moderation/log?page=2");
    }

    #[test]
    fn every_action_has_its_words_in_both_languages() {
        for locale in [Locale::ZhCn, Locale::En] {
            let t = super::super::texts::of(locale);
            let words: std::collections::BTreeSet<_> = ModerationAction::ALL
                .iter()
                .map(|a| action_label(*a, t))
                .collect();
            assert_eq!(words.len(), ModerationAction::ALL.len(), "{locale:?}");
        }
    }
}
