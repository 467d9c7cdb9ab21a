//! 礼品详情 at `/mall/items/:id`: the item in full, then the way to take it. Public, like
//! the catalogue; signed in, it knows the balance and whether the item can be taken.

use care_contract::mall::{DeliveryKind, MallItem, MallSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::redeem_panel::RedeemPanel;
use crate::api::ApiError;
use crate::auth::{use_session, SessionState};
use crate::mall::api;
use crate::mall::catalogue::facts::{item_facts, item_marks, price_line};
use crate::mall::catalogue::words::{category_icon, category_label};
use crate::mall::texts::{tr, use_texts};
use crate::mall::words::localized;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;
use crate::widgets::page_title::set_page_meta;
use crate::widgets::skeleton::SkeletonCard;

#[component]
pub fn ItemPage() -> impl IntoView {
    set_page_meta(|t| t.item_title, Some("/mall"));
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    // Which account is looking decides `can_redeem`: wait for the session, then load.
    let viewer = Memo::new(move |_| match session.state.get() {
        SessionState::Checking => None,
        SessionState::SignedIn(profile) => Some(Some(profile.phone_masked)),
        _ => Some(None),
    });
    view! {
        <div class="page item-page">
            {move || match viewer.get() {
                // Until the session check answers, the page cannot know what to ask.
                None => view! { <SkeletonCard lines=5 /><SkeletonCard lines=2 /> }.into_any(),
                Some(phone) => view! { <ItemLoader id phone /> }.into_any(),
            }}
        </div>
    }
}

/// The item (and the summary when signed in) for the viewer the session check found.
#[component]
fn ItemLoader(id: Memo<Option<i64>>, phone: Option<String>) -> impl IntoView {
    let signed_in = phone.is_some();
    let loaded = LocalResource::new(move || load(id.get(), signed_in));
    view! {
        <Loaded data=loaded skeleton=&[5, 2] not_found=ItemNotFound let:((item, summary))>
            <ItemDetail item=item.clone() />
            <RedeemPanel item summary phone_masked=phone.clone().unwrap_or_default() />
        </Loaded>
    }
}

#[component]
fn ItemNotFound() -> impl IntoView {
    view! {
        <section class="card empty-state">
            <div class="empty-state__icon"><Icon kind=IconKind::Compass /></div>
            <h2>{tr(|t| t.item_not_found)}</h2>
            <A href="/mall" attr:class="button button--primary">{tr(|t| t.donate_back_to_mall)}</A>
        </section>
    }
}

/// The item, and the summary when signed in, fetched side by side.
async fn load(
    id: Option<i64>,
    signed_in: bool,
) -> Result<(MallItem, Option<MallSummary>), ApiError> {
    let Some(id) = id else {
        return Err(ApiError::not_found());
    };
    if signed_in {
        let (item, summary) = futures::join!(api::fetch_item(id), api::fetch_summary());
        Ok((item?, Some(summary?)))
    } else {
        Ok((api::fetch_item(id).await?, None))
    }
}

#[component]
fn ItemDetail(item: MallItem) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let item = StoredValue::new(item);
    let text = move |pick: fn(&MallItem) -> (&str, &str)| {
        move || {
            item.with_value(|i| {
                let (zh, en) = pick(i);
                localized(locale.get(), zh, en).to_owned()
            })
        }
    };
    let (category, points, cash_fen, first, delivery) = item.with_value(|i| {
        (
            i.category,
            i.points,
            i.cash_fen,
            i.first_exchange_points,
            i.delivery,
        )
    });
    view! {
        <section class="card item-hero" aria-labelledby="item-name">
            <div class="item-hero__head">
                <span class="item-hero__icon"><Icon kind=category_icon(category) /></span>
                <div>
                    <p class="item-hero__category">{move || category_label(category, t.get())}</p>
                    <h2 id="item-name">{text(|i| (&i.name_zh, &i.name_en))}</h2>
                </div>
            </div>
            <p class="item-card__marks">
                {move || item.with_value(|i| item_marks(i, t.get())).into_iter()
                    .map(|m| view! { <span class="mark">{m}</span> }).collect_view()}
            </p>
            <p class="item-hero__price">{move || price_line(points, cash_fen, t.get())}</p>
            {first.map(|p| view! {
                <p class="item-card__first">{move || t.get().first_exchange_price(p)}</p>
            })}
            <p>{text(|i| (&i.description_zh, &i.description_en))}</p>
            <ul class="item-hero__facts">
                <li>{move || if delivery == DeliveryKind::Physical { t.get().delivery_physical } else { t.get().delivery_instant }}</li>
                {move || item.with_value(|i| item_facts(i, t.get(), locale.get())).into_iter()
                    .map(|f| view! { <li>{f}</li> }).collect_view()}
            </ul>
        </section>
    }
}
