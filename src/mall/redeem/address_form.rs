//! The delivery address for a physical item: filled from what was typed before (a draft
//! survives a reload), else from the address kept last time. Checked with the contract's
//! own rules before sending; a problem shows beside its field and the field takes focus.

use care_contract::mall::{
    AddressField, DeliveryAddress, ADDRESS_DETAIL_MAX_CHARS, ADDRESS_NAME_MAX_CHARS,
    ADDRESS_REGION_MAX_CHARS,
};
use leptos::prelude::*;

use crate::drafts::Draft;
use crate::mall::texts::{tr, use_texts, Texts};
use crate::widgets::icons::{Icon, IconKind};

const ADDRESS_DRAFT: Draft = Draft::for_the_tab("care.draft.delivery-address.v1");

/// The four fields as the user types them.
#[derive(Clone, Copy)]
pub struct AddressFields {
    name: RwSignal<String>,
    phone: RwSignal<String>,
    region: RwSignal<String>,
    detail: RwSignal<String>,
    /// The field in error, shown beside it.
    pub error: RwSignal<Option<AddressField>>,
}

impl AddressFields {
    /// Starts from the draft if there is one, else from the kept address.
    pub fn new(kept: Option<DeliveryAddress>) -> Self {
        let start = ADDRESS_DRAFT
            .load_json::<DeliveryAddress>()
            .or(kept)
            .unwrap_or(DeliveryAddress {
                name: String::new(),
                phone: String::new(),
                region: String::new(),
                detail: String::new(),
            });
        AddressFields {
            name: RwSignal::new(start.name),
            phone: RwSignal::new(start.phone),
            region: RwSignal::new(start.region),
            detail: RwSignal::new(start.detail),
            error: RwSignal::new(None),
        }
    }

    pub fn value(&self) -> DeliveryAddress {
        DeliveryAddress {
            name: self.name.get_untracked(),
            phone: self.phone.get_untracked(),
            region: self.region.get_untracked(),
            detail: self.detail.get_untracked(),
        }
    }

    fn signal(&self, field: AddressField) -> RwSignal<String> {
        match field {
            AddressField::Name => self.name,
            AddressField::Phone => self.phone,
            AddressField::Region => self.region,
            AddressField::Detail => self.detail,
        }
    }

    /// The kept address arrived after the form opened: use it unless the user has typed.
    pub fn fill_if_empty(&self, kept: DeliveryAddress) {
        let value = self.value();
        if [value.name, value.phone, value.region, value.detail]
            .iter()
            .all(|v| v.trim().is_empty())
        {
            self.name.set(kept.name);
            self.phone.set(kept.phone);
            self.region.set(kept.region);
            self.detail.set(kept.detail);
        }
    }

    /// Shows `field`'s problem and moves the keyboard there.
    pub fn show_error(&self, field: AddressField) {
        self.error.set(Some(field));
        if let Some(input) = document().get_element_by_id(&input_id(field)) {
            if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                let _ = input.focus();
            }
        }
    }

    /// The order went through: the address is kept by the backend, not the draft.
    pub fn forget_draft() {
        ADDRESS_DRAFT.clear();
    }
}

fn input_id(field: AddressField) -> String {
    format!("address-{}", field.as_str())
}

fn label(field: AddressField, t: &'static Texts) -> &'static str {
    match field {
        AddressField::Name => t.address_name,
        AddressField::Phone => t.address_phone,
        AddressField::Region => t.address_region,
        AddressField::Detail => t.address_detail,
    }
}

fn hint(field: AddressField, t: &'static Texts) -> &'static str {
    match field {
        AddressField::Name => t.address_name_hint,
        AddressField::Phone => t.address_phone_hint,
        AddressField::Region => t.address_region_hint,
        AddressField::Detail => t.address_detail_hint,
    }
}

fn error_text(field: AddressField, t: &'static Texts) -> &'static str {
    match field {
        AddressField::Name => t.address_error_name,
        AddressField::Phone => t.address_error_phone,
        AddressField::Region => t.address_error_region,
        AddressField::Detail => t.address_error_detail,
    }
}

#[component]
pub fn AddressForm(fields: AddressFields) -> impl IntoView {
    let t = use_texts();
    let field_view = move |field: AddressField, kind: &'static str, max: usize| {
        let value = fields.signal(field);
        let id = input_id(field);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let invalid = move || fields.error.get() == Some(field);
        let autocomplete = match field {
            AddressField::Name => "name",
            AddressField::Phone => "tel",
            AddressField::Region => "address-level1",
            AddressField::Detail => "street-address",
        };
        view! {
            <div class="field">
                <label for=id.clone()>{move || label(field, t.get())}</label>
                <input id=id type=kind autocomplete=autocomplete maxlength=max.to_string()
                    inputmode=(field == AddressField::Phone).then_some("tel")
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=format!("{hint_id} {error_id}")
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        if invalid() {
                            fields.error.set(None);
                        }
                        ADDRESS_DRAFT.save_json(&fields.value());
                    } />
                <div class="field__hint" id=hint_id>{move || hint(field, t.get())}</div>
                <div class="field__error" id=error_id>
                    {move || invalid().then(|| view! { <Icon kind=IconKind::Alert /><span>{error_text(field, t.get())}</span> })}
                </div>
            </div>
        }
    };
    view! {
        <fieldset class="address-form">
            <legend class="address-form__legend">{tr(|t| t.address_title)}</legend>
            {field_view(AddressField::Name, "text", ADDRESS_NAME_MAX_CHARS)}
            {field_view(AddressField::Phone, "tel", 20)}
            {field_view(AddressField::Region, "text", ADDRESS_REGION_MAX_CHARS)}
            {field_view(AddressField::Detail, "text", ADDRESS_DETAIL_MAX_CHARS)}
        </fieldset>
    }
}
