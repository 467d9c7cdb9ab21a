//! The points card: balance, tier and multiplier, what expires when (with the reminder
//! within 60 days), and why an account cannot exchange yet, in words.

use care_contract::mall::{BlockedReason, MallSummary};
use leptos::prelude::*;

use crate::i18n::group_thousands;
use leptos_router::components::A;

use super::orders::OrdersLink;
use super::words::localized;
use crate::i18n::dates::format_date;
use crate::mall::texts::{tr, use_texts, Texts};
use crate::prefs::use_prefs;
use crate::widgets::icons::{Icon, IconKind};
use care_contract::points::multiplier_text;

fn blocked_text(reason: BlockedReason, t: &'static Texts) -> Option<&'static str> {
    match reason {
        BlockedReason::AccountTooNew => Some(t.account_blocked_too_new),
        BlockedReason::NotVerified => Some(t.account_blocked_not_verified),
        BlockedReason::InArrears => Some(t.account_blocked_in_arrears),
        _ => None,
    }
}

#[component]
pub fn PointsCard(summary: MallSummary) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let date = move |d| format_date(d, locale.get());
    let tier = summary.tier.clone();
    let tier_line = move || {
        t.get().tier_line(
            &multiplier_text(tier.multiplier_percent),
            localized(locale.get(), &tier.name_zh, &tier.name_en),
        )
    };
    let benefits = summary.tier.benefits.clone();
    let MallSummary {
        balance,
        next_expiry,
        expiring_soon,
        account_blocked,
        first_exchange_percent_off,
        ..
    } = summary;

    view! {
        <section class="card points-card" aria-labelledby="points-title">
            <h2 class="card__title" id="points-title"><Icon kind=IconKind::Gift />{tr(|t| t.mall_points_title)}</h2>
            <div class="points-card__balance">
                <span class="points-card__label">{tr(|t| t.points_balance_label)}</span>
                <span class="points-card__number">{group_thousands(balance)}</span>
            </div>
            <p class="points-card__tier"><Icon kind=IconKind::Star />{tier_line}</p>
            {match (expiring_soon, next_expiry) {
                (Some(soon), _) => view! {
                    <div class="notice notice--care" role="note">
                        <Icon kind=IconKind::Clock />
                        <div>
                            <h3 class="notice__title">{tr(|t| t.expiry_soon_title)}</h3>
                            <p>{move || t.get().expiry_soon_body(&date(soon.date), soon.points)}</p>
                        </div>
                    </div>
                }.into_any(),
                (None, Some(next)) => view! {
                    <p class="points-card__expiry">
                        <Icon kind=IconKind::Clock />
                        {move || t.get().expiry_next(&date(next.date), next.points)}
                    </p>
                }.into_any(),
                (None, None) => view! { <p class="points-card__expiry">{tr(|t| t.expiry_none)}</p> }.into_any(),
            }}
            {account_blocked.map(|reason| view! {
                <p class="notice" role="note">
                    <Icon kind=IconKind::Alert />
                    <span>{move || blocked_text(reason, t.get()).unwrap_or_default()}</span>
                </p>
            })}
            {first_exchange_percent_off.map(|percent| view! {
                <p class="points-card__perk">{move || t.get().first_exchange(i64::from(percent))}</p>
            })}
            {(!benefits.is_empty()).then(|| view! {
                <h3 class="points-card__subtitle">{tr(|t| t.tier_benefits)}</h3>
                <ul class="points-card__benefits">
                    {benefits.into_iter().map(|b| view! {
                        <li><Icon kind=IconKind::Check />{move || localized(locale.get(), &b.zh, &b.en).to_owned()}</li>
                    }).collect_view()}
                </ul>
            })}
            <A href="/mall/points" attr:class="list-link">
                <Icon kind=IconKind::Feedback />
                <span>{tr(|t| t.ledger_link)}</span>
            </A>
            <OrdersLink />
        </section>
    }
}
