use care_contract::profile::FamilyContact;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::widgets::icons::{Icon, IconKind};

/// One tap to call each family contact (亲情号). The number shows masked; the link dials
/// the full number, which only the subscriber's own profile carries.
#[component]
pub fn FamilyCallButtons(contacts: Vec<FamilyContact>) -> impl IntoView {
    let t = use_texts();
    contacts
        .into_iter()
        .map(|contact| {
            let name = contact.name.clone();
            view! {
                <a class="button button--secondary button--block button--wrap" href=format!("tel:{}", contact.phone)>
                    <Icon kind=IconKind::Heart />
                    <span>{move || t.get().call_family(&name)}</span>
                    <span class="button__aside">{contact.phone_masked.clone()}</span>
                </a>
            }
        })
        .collect_view()
}
