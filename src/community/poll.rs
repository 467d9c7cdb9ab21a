//! A thread's poll: the options with their share of the votes, one vote per member while
//! it is open. The results show to everyone; the vote replaces them with the server's.

use care_contract::community::Poll;
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api;
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::i18n::dates::format_date;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

/// The last day votes are taken: `closes_at` is the end of it, in China.
fn last_day(closes_at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    care_contract::time::china_date(closes_at - chrono::Duration::seconds(1))
}

/// A refusal after which the poll on screen is out of date: it closed while the page was
/// open, or this member voted from another device. The poll is read again to show results.
pub fn poll_went_stale(error: &ApiError) -> bool {
    matches!(
        error.code(),
        Some(ErrorCode::PollClosed | ErrorCode::AlreadyVoted)
    )
}

/// An option's share of the votes, in whole percent (0 with no votes).
pub fn percent(votes: u64, total: u64) -> u64 {
    (votes * 100 + total / 2).checked_div(total).unwrap_or(0)
}

#[component]
pub fn PollCard(thread_id: i64, poll: Poll) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let poll = RwSignal::new(poll);
    let chosen = RwSignal::new(None::<i64>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let vote = move |_| {
        let Some(option_id) = chosen.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::vote_in_poll(thread_id, option_id).await {
                Ok(answer) => {
                    poll.try_set(answer);
                }
                Err(e) => {
                    let stale = poll_went_stale(&e);
                    error.try_set(Some(e));
                    if stale {
                        if let Ok(Some(now)) = api::fetch_thread(thread_id, 1).await.map(|v| v.poll)
                        {
                            poll.try_set(now);
                        }
                    }
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <section class="card poll" aria-labelledby="poll-title">
            <h2 class="card__title" id="poll-title"><Icon kind=IconKind::Check />{tr(|t| t.poll_title)}</h2>
            {move || {
                let p = poll.get();
                let total = p.total_votes;
                let closes = p.closes_at;
                let can_vote = p.can_vote;
                view! {
                    <p class="field__hint">
                        {move || if p.closed {
                            t.get().poll_closed.to_owned()
                        } else {
                            t.get().poll_closes_on(&format_date(last_day(closes), locale.get()))
                        }}
                        " · " {move || t.get().poll_votes(i64::try_from(total).unwrap_or(i64::MAX))}
                    </p>
                    {if can_vote {
                        view! {
                            <fieldset class="choice-group">
                                <legend class="visually-hidden">{tr(|t| t.poll_title)}</legend>
                                <div class="choice-group__options">
                                    {p.options.into_iter().map(|o| view! {
                                        <label class="choice">
                                            <input type="radio" name="poll" prop:checked=move || chosen.get() == Some(o.id)
                                                on:change=move |_| chosen.set(Some(o.id)) />
                                            <span class="choice__label">{o.label}</span>
                                        </label>
                                    }).collect_view()}
                                </div>
                            </fieldset>
                            <button type="button" class="button button--primary button--block"
                                disabled=move || busy.get() || chosen.get().is_none() on:click=vote>
                                {tr(|t| t.poll_vote)}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <ul class="poll__results">
                                {p.options.into_iter().map(|o| {
                                    let share = percent(o.votes, total);
                                    let mine = p.my_choice == Some(o.id);
                                    view! {
                                        <li class="poll__option" class:poll__option--mine=mine>
                                            <span class="poll__label">
                                                {o.label}
                                                {mine.then(|| view! { " " <span class="badge badge--good">{tr(|t| t.poll_my_choice)}</span> })}
                                            </span>
                                            <span class="poll__share">{format!("{share}%")}</span>
                                            <span class="poll__bar" aria-hidden="true" style=format!("width: {share}%")></span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }}
            {move || error.get().map(|e| view! {
                <p class="notice notice--error" role="alert">
                    <Icon kind=IconKind::Alert /><span>{move || refusal_text(&e, t.get())}</span>
                </p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(code: ErrorCode) -> ApiError {
        ApiError::Http {
            status: code.http_status(),
            code,
            retry_after_secs: None,
            details: None,
        }
    }

    #[test]
    fn a_closed_poll_or_a_vote_from_elsewhere_reads_the_poll_again() {
        assert!(poll_went_stale(&refusal(ErrorCode::PollClosed)));
        assert!(poll_went_stale(&refusal(ErrorCode::AlreadyVoted)));
        assert!(!poll_went_stale(&refusal(ErrorCode::RateLimited)));
        assert!(!poll_went_stale(&ApiError::Network));
    }

    #[test]
    fn shares_round_to_whole_percent_and_zero_votes_is_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(5, 5), 100);
    }
}
