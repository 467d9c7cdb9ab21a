//! One care message: its headline and words, when it came, "new" while unread (said in
//! words, not only by colour), a gift to claim exactly once, and the way to its page.

use care_contract::care::{CareMessage, Gift, GiftClaimed};
use care_contract::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;

use super::api;
use super::texts::{tr, use_texts, Texts};
use super::words::{message_body, message_link, message_title};
use crate::api::ApiError;
use crate::i18n::dates::{format_moment, now};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};

#[component]
pub fn MessageCard(message: CareMessage) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let title_id = format!("care-message-{}", message.id);
    let labelled_by = title_id.clone();
    let (kind, params) = (message.kind, message.params.clone());
    let body_params = params.clone();
    let created_at = message.created_at;
    let unread = message.read_at.is_none();
    let link = message_link(&message).map(str::to_owned);
    view! {
        <article class="card care-message" class:is-unread=unread aria-labelledby=labelled_by>
            <header class="care-message__head">
                <h3 class="care-message__title" id=title_id>
                    {move || message_title(kind, &params, t.get())}
                </h3>
                {unread.then(|| view! { <span class="badge badge--new">{tr(|t| t.care_unread)}</span> })}
            </header>
            <div class="care-message__time">
                <time datetime=created_at.to_rfc3339()>{move || format_moment(created_at, prefs.with(|p| p.locale))}</time>
            </div>
            // One paragraph, its lines apart: the wish, then what the day brings.
            <p>
                {move || message_body(kind, &body_params, t.get()).into_iter().enumerate().map(|(i, line)| view! {
                    {(i > 0).then(|| view! { <br /> })}{line}
                }).collect_view()}
            </p>
            {message.gift.map(|gift| view! { <GiftClaim message_id=message.id gift /> })}
            {link.map(|href| view! {
                <A href=href attr:class="button button--secondary care-message__open">
                    {tr(|t| t.care_open)}
                </A>
            })}
        </article>
    }
}

/// What a gift's part of the message says: claimed, expired, or the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiftState {
    Claimed,
    Expired,
    Open,
}

pub fn gift_state(gift: &Gift, now: chrono::DateTime<chrono::Utc>) -> GiftState {
    match gift.claimed_at {
        Some(_) => GiftState::Claimed,
        None if now > gift.claim_by => GiftState::Expired,
        None => GiftState::Open,
    }
}

/// A claim that did not go through, in words.
fn claim_refusal(error: &ApiError, t: &'static Texts) -> &'static str {
    match error.code() {
        Some(ErrorCode::GiftExpired) => t.care_gift_refused_expired,
        _ => error.message(t),
    }
}

/// The gift's claim. The server pays it once however often it is asked (a double tap, a
/// retry after a lost answer), so the button may simply be pressed again after an error.
#[component]
fn GiftClaim(message_id: i64, gift: Gift) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let points = gift.points;
    let claim_by = gift.claim_by;
    let state = RwSignal::new(gift_state(&gift, now()));
    let claim = Action::new_local(move |_: &()| api::claim_gift(message_id));
    Effect::new(move || {
        if let Some(Ok(GiftClaimed { .. })) = claim.value().get() {
            state.set(GiftState::Claimed);
        }
    });
    let claimed_now = move || {
        claim
            .value()
            .with(|r| matches!(r, Some(Ok(c)) if c.claimed_now))
    };
    view! {
        <div class="care-gift">
            <p class="care-gift__status" role="status">
                {move || match state.get() {
                    GiftState::Claimed if claimed_now() => view! {
                        <Icon kind=IconKind::Check /><span>{t.get().care_gift_claimed_now(points)}</span>
                    }.into_any(),
                    GiftState::Claimed => view! {
                        <Icon kind=IconKind::Check /><span>{t.get().care_gift_claimed(points)}</span>
                    }.into_any(),
                    GiftState::Expired => view! { <span>{t.get().care_gift_expired}</span> }.into_any(),
                    GiftState::Open => ().into_any(),
                }}
            </p>
            <Show when=move || state.get() == GiftState::Open>
                <button type="button" class="button button--primary button--block"
                    disabled=move || claim.pending().get()
                    on:click=move |_| { claim.dispatch(()); }>
                    <Icon kind=IconKind::Gift />
                    {move || if claim.pending().get() { t.get().care_gift_claiming.to_owned() } else { t.get().care_gift_claim(points) }}
                </button>
                <div class="care-gift__by">
                    {move || t.get().care_gift_claim_by(&format_moment(claim_by, prefs.with(|p| p.locale)))}
                </div>
                {move || claim.value().get().and_then(Result::err).map(|error| view! {
                    <p class="notice notice--error" role="alert">
                        <Icon kind=IconKind::Alert /><span>{move || claim_refusal(&error, t.get())}</span>
                    </p>
                })}
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_gift_is_open_until_its_last_instant_then_expired_unless_claimed() {
        let by = Utc.with_ymd_and_hms(2026, 12, 4, 15, 59, 59).unwrap();
        let mut gift = Gift {
            points: 200,
            claim_by: by,
            claimed_at: None,
        };
        assert_eq!(gift_state(&gift, by), GiftState::Open);
        let after = by + chrono::Duration::seconds(1);
        assert_eq!(gift_state(&gift, after), GiftState::Expired);
        gift.claimed_at = Some(by);
        assert_eq!(gift_state(&gift, after), GiftState::Claimed);
    }
}
