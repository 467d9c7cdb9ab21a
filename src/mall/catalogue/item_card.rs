//! One catalogue item in the list: its name (the link to its page), marks, price, the
//! first-exchange price, stock, limit, window, and why it cannot be taken, in words.
//! The whole card is tappable; only the name is the link, so a screen reader hears a short
//! link name and reads the rest as text.

use care_contract::mall::{BlockedReason, MallItem};
use leptos::prelude::*;
use leptos_router::components::A;

use super::facts::{item_facts, item_marks, price_line};
use super::words::{blocked_text, category_icon};
use crate::mall::texts::use_texts;
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::Icon;

#[component]
pub fn ItemCard(item: MallItem) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let href = format!("/mall/items/{}", item.id);
    let item = StoredValue::new(item);
    let name =
        move || item.with_value(|i| localized(locale.get(), &i.name_zh, &i.name_en).to_owned());
    let (icon, points, cash_fen, first, reason) = item.with_value(|i| {
        (
            category_icon(i.category),
            i.points,
            i.cash_fen,
            i.first_exchange_points,
            i.blocked_reason,
        )
    });
    // Signed out, every item would say "sign in": the page says that once instead.
    let reason = reason.filter(|r| *r != BlockedReason::SignInRequired);
    view! {
        <li class="item-card" class:item-card--blocked=reason.is_some()>
            <span class="item-card__icon"><Icon kind=icon /></span>
            <div class="item-card__body">
                <h3 class="item-card__name"><A href=href attr:class="item-card__link">{name}</A></h3>
                <div class="item-card__marks">
                    {move || item.with_value(|i| item_marks(i, t.get())).into_iter()
                        .map(|m| view! { <span class="mark">{m}</span> }).collect_view()}
                </div>
                <div class="item-card__price">{move || price_line(points, cash_fen, t.get())}</div>
                {first.map(|p| view! {
                    <div class="item-card__first">{move || t.get().first_exchange_price(p)}</div>
                })}
                <div class="item-card__facts">{move || item.with_value(|i| item_facts(i, t.get(), locale.get())).join(" · ")}</div>
                {reason.map(|r| view! {
                    <div class="item-card__blocked">{move || item.with_value(|i| blocked_text(r, i, None, t.get(), locale.get()))}</div>
                })}
            </div>
        </li>
    }
}
