//! Who wrote a post and when: nickname, the official badge for staff, the member tier, the
//! phone masked as the backend sends it (never in full), and "3 分钟前".

use care_contract::community::Author;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::texts::{tr, use_texts};
use crate::i18n::dates::Ago;
use crate::i18n::Locale;
use crate::prefs::use_prefs;

#[component]
pub fn AuthorLine(
    author: Author,
    at: DateTime<Utc>,
    /// The server's time, from the same answer.
    now: DateTime<Utc>,
    #[prop(optional)] edited: bool,
) -> impl IntoView {
    let t = use_texts();
    let locale = Signal::derive(move || use_prefs().with(|p| p.locale));
    let Author {
        nickname,
        phone_masked,
        tier_name_zh,
        tier_name_en,
        is_staff,
        ..
    } = author;
    let ago = Ago::between(at, now);
    view! {
        <div class="author-line">
            <span class="author-line__name">{nickname}</span>
            {is_staff.then(|| view! { <span class="badge badge--official">{tr(|t| t.official_badge)}</span> })}
            <span class="author-line__meta">
                {move || match locale.get() {
                    Locale::ZhCn => tier_name_zh.clone(),
                    Locale::En => tier_name_en.clone(),
                }}
                " · " {phone_masked} " · "
                <time datetime=at.to_rfc3339()>{move || ago.text(t.get(), locale.get())}</time>
                {edited.then(|| view! { " · " {tr(|t| t.edited)} })}
            </span>
        </div>
    }
}
