//! Up and down votes on a thread or a reply. The count changes at once; the server's answer
//! then replaces it, and a refusal puts it back with a message beside the buttons.

use care_contract::community::{Vote, VoteChoice, VoteResult};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api::{self, Votable};
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::widgets::icons::{Icon, IconKind};

/// What tapping `tapped` means: the vote already given is taken back, any other is set.
pub fn choice_for_tap(mine: Option<Vote>, tapped: Vote) -> VoteChoice {
    match (mine, tapped) {
        (Some(Vote::Up), Vote::Up) | (Some(Vote::Down), Vote::Down) => VoteChoice::Withdraw,
        (_, Vote::Up) => VoteChoice::Up,
        (_, Vote::Down) => VoteChoice::Down,
    }
}

/// The counts `choice` leaves, before the server says so: the old vote comes off, the new
/// one goes on.
pub fn after_vote(counts: VoteResult, choice: VoteChoice) -> VoteResult {
    let mut next = counts;
    match counts.my_vote {
        Some(Vote::Up) => next.up_votes = next.up_votes.saturating_sub(1),
        Some(Vote::Down) => next.down_votes = next.down_votes.saturating_sub(1),
        None => {}
    }
    next.my_vote = choice.vote();
    match next.my_vote {
        Some(Vote::Up) => next.up_votes += 1,
        Some(Vote::Down) => next.down_votes += 1,
        None => {}
    }
    next.score =
        counts.score - counts.my_vote.map_or(0, Vote::value) + next.my_vote.map_or(0, Vote::value);
    next
}

#[component]
pub fn VoteButtons(
    on: Votable,
    counts: VoteResult,
    /// Someone else's published post, and signed in.
    can_vote: bool,
) -> impl IntoView {
    let t = use_texts();
    let counts = RwSignal::new(counts);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let tap = move |tapped: Vote| {
        if busy.get_untracked() {
            return;
        }
        let before = counts.get_untracked();
        let choice = choice_for_tap(before.my_vote, tapped);
        counts.set(after_vote(before, choice));
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::vote(on, choice).await {
                Ok(result) => {
                    counts.try_set(result);
                }
                Err(e) => {
                    counts.try_set(before);
                    error.try_set(Some(e));
                }
            }
            busy.try_set(false);
        });
    };
    let pressed = move |vote: Vote| move || (counts.get().my_vote == Some(vote)).to_string();
    view! {
        <div class="votes">
            <button type="button" class="votes__button" aria-pressed=pressed(Vote::Up)
                disabled=!can_vote on:click=move |_| tap(Vote::Up)
                aria-label=move || t.get().vote_up_label(i64::try_from(counts.get().up_votes).unwrap_or(i64::MAX))>
                <Icon kind=IconKind::Plus />
            </button>
            <span class="votes__score" aria-live="polite" aria-label=tr(|t| t.vote_score)>
                {move || counts.get().score}
            </span>
            <button type="button" class="votes__button" aria-pressed=pressed(Vote::Down)
                disabled=!can_vote on:click=move |_| tap(Vote::Down)
                aria-label=move || t.get().vote_down_label(i64::try_from(counts.get().down_votes).unwrap_or(i64::MAX))>
                <Icon kind=IconKind::Minus />
            </button>
            {move || error.get().map(|e| view! {
                <p class="notice notice--error votes__error" role="alert">
                    <Icon kind=IconKind::Alert />
                    <span>{move || refusal_text(&e, t.get())}</span>
                </p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(score: i64, up: u64, down: u64, mine: Option<Vote>) -> VoteResult {
        VoteResult {
            score,
            up_votes: up,
            down_votes: down,
            my_vote: mine,
        }
    }

    #[test]
    fn tapping_the_same_vote_again_takes_it_back() {
        assert_eq!(choice_for_tap(None, Vote::Up), VoteChoice::Up);
        assert_eq!(
            choice_for_tap(Some(Vote::Up), Vote::Up),
            VoteChoice::Withdraw
        );
        assert_eq!(
            choice_for_tap(Some(Vote::Down), Vote::Down),
            VoteChoice::Withdraw
        );
        assert_eq!(choice_for_tap(Some(Vote::Up), Vote::Down), VoteChoice::Down);
        assert_eq!(choice_for_tap(Some(Vote::Down), Vote::Up), VoteChoice::Up);
    }

    #[test]
    fn a_new_vote_adds_to_the_score_and_its_count() {
        assert_eq!(
            after_vote(counts(4, 6, 2, None), VoteChoice::Up),
            counts(5, 7, 2, Some(Vote::Up))
        );
        assert_eq!(
            after_vote(counts(4, 6, 2, None), VoteChoice::Down),
            counts(3, 6, 3, Some(Vote::Down))
        );
    }

    #[test]
    fn changing_a_vote_moves_the_score_by_two() {
        assert_eq!(
            after_vote(counts(5, 7, 2, Some(Vote::Up)), VoteChoice::Down),
            counts(3, 6, 3, Some(Vote::Down))
        );
        assert_eq!(
            after_vote(counts(3, 6, 3, Some(Vote::Down)), VoteChoice::Up),
            counts(5, 7, 2, Some(Vote::Up))
        );
    }

    #[test]
    fn withdrawing_gives_the_counts_back() {
        assert_eq!(
            after_vote(counts(5, 7, 2, Some(Vote::Up)), VoteChoice::Withdraw),
            counts(4, 6, 2, None)
        );
        assert_eq!(
            after_vote(counts(-1, 0, 1, Some(Vote::Down)), VoteChoice::Withdraw),
            counts(0, 0, 0, None)
        );
        assert_eq!(
            after_vote(counts(0, 0, 0, None), VoteChoice::Withdraw),
            counts(0, 0, 0, None)
        );
    }
}
