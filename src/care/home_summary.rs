//! The signed-in subscriber's part of the home page, from `GET /api/home` in one small
//! answer: today's care moments, the points (and what expires soon), tickets waiting for
//! the subscriber and unread care messages, each leading to its page.
//!
//! Its code arrives with the "me" page group, not the first load (`lazy_pages::
//! home_summary`): drawn in the first load it cost 6-10 KB brotli (Leptos compiles each
//! view and decoded type into code of its own), and the first load is budgeted. Only a
//! signed-in subscriber needs it, index.html fetches the group beside the main files when
//! this browser was signed in, and the inbox and 我的 it leads to are in that group too.

use care_contract::care::{HomeSummary, Moment};
use leptos::prelude::*;
use leptos_router::components::A;

use super::moment::{moment_detail, moment_headline, moment_link, MomentParams};
use super::texts::{tr, use_texts};
use crate::api::{client, ApiError};
use crate::i18n::dates::format_date;
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use crate::widgets::loaded::Loaded;

pub const HOME_PATH: &str = "/home";

async fn fetch_summary() -> Result<HomeSummary, ApiError> {
    client::get(HOME_PATH).await
}

/// The summary's cards. The home page shows them only to a signed-in subscriber and makes
/// them anew when who is signed in changes.
#[component]
pub fn HomeSummaryCards() -> impl IntoView {
    let summary = LocalResource::new(fetch_summary);
    view! { <Loaded data=summary skeleton=&[3] let:summary><Summary summary /></Loaded> }
}

#[component]
fn Summary(summary: HomeSummary) -> impl IntoView {
    let t = use_texts();
    let prefs = use_prefs();
    let HomeSummary {
        moments,
        points_balance,
        points_expiring,
        tickets_waiting,
        first_waiting_ticket_id,
        unread_messages,
        ..
    } = summary;
    let tickets_href = first_waiting_ticket_id.map_or_else(
        || "/feedback".to_owned(),
        |id| format!("/feedback/tickets/{id}"),
    );
    view! {
        {moments.into_iter().map(|moment| view! { <MomentCard moment /> }).collect_view()}
        <section class="card home-summary" aria-labelledby="home-summary-title">
            <h2 class="card__title" id="home-summary-title"><Icon kind=IconKind::Heart />{tr(|t| t.home_summary_title)}</h2>
            <ul class="home-facts">
                <li>
                    <A href="/mall/ledger" attr:class="home-fact">
                        <Icon kind=IconKind::Gift />
                        <span class="home-fact__text">
                            <span class="home-fact__value">{move || t.get().home_points(points_balance)}</span>
                            {points_expiring.map(|e| view! {
                                <span class="home-fact__note">
                                    {move || t.get().home_points_expiring(&format_date(e.on, prefs.with(|p| p.locale)), e.points)}
                                </span>
                            })}
                        </span>
                    </A>
                </li>
                {(tickets_waiting > 0).then(|| view! {
                    <li>
                        <A href=tickets_href attr:class="home-fact home-fact--attention">
                            <Icon kind=IconKind::Feedback />
                            <span class="home-fact__value">{move || t.get().home_tickets_waiting(i64::from(tickets_waiting))}</span>
                        </A>
                    </li>
                })}
                <li>
                    <A href="/care" attr:class="home-fact">
                        <Icon kind=IconKind::Heart />
                        <span class="home-fact__value">
                            {move || match unread_messages {
                                0 => t.get().home_no_unread.to_owned(),
                                n => t.get().home_unread(n as i64),
                            }}
                        </span>
                    </A>
                </li>
            </ul>
        </section>
    }
}

/// One of today's moments: what it is, the gift or double points it brings, and the way
/// to it (the gift is claimed in the inbox, once).
#[component]
fn MomentCard(moment: Moment) -> impl IntoView {
    let t = use_texts();
    let kind = moment.kind;
    let params = MomentParams::from(&moment.params);
    let gift_points = moment.gift_points;
    let label = move || match gift_points {
        Some(_) => t.get().moment_claim,
        None => t.get().moment_open,
    };
    let title_id = format!("moment-{}", kind.as_str());
    let labelled_by = title_id.clone();
    view! {
        <section class="card card--moment" aria-labelledby=labelled_by>
            <h2 class="card__title" id=title_id>
                <Icon kind=IconKind::Heart />
                {move || moment_headline(kind, &params, t.get())}
            </h2>
            {move || moment_detail(&params, gift_points, t.get()).map(|d| view! { <p>{d}</p> })}
            <A href=moment_link(kind, &params) attr:class="button button--primary">{label}</A>
        </section>
    }
}
