//! Photos for a ticket or a message: pick up to a few, each shrunk on the phone
//! (`photo_shrink`) and uploaded at once with its progress, shown as thumbnails that can
//! be removed. An uploaded photo is the backend's, by id, so the form's draft keeps it over
//! a reload; one whose upload failed stays with a retry until it goes or is removed.

use care_contract::feedback::Photo;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlInputElement, Url};

use super::api;
use super::photo_shrink::{shrink, ShrinkError};
use super::texts::{tr, use_texts};
use super::words::refusal_text;
use crate::api::ApiError;
use crate::widgets::icons::{Icon, IconKind};

/// A photo on its way to the backend.
#[derive(Clone)]
struct Upload {
    /// Tells uploads apart in the list.
    key: u32,
    /// The shrunk photo: an object URL for its thumbnail, the bytes for a retry.
    preview: String,
    blob: SendWrapper<Blob>,
    bytes: f64,
    progress: RwSignal<u8>,
    failed: RwSignal<Option<ApiError>>,
}

/// A size in KB or MB, as a person reads it: "240 KB", "3.2 MB".
pub fn size_text(bytes: f64) -> String {
    if bytes >= 1_000_000.0 {
        format!("{:.1} MB", bytes / 1_000_000.0)
    } else {
        format!("{} KB", (bytes / 1000.0).round().max(1.0))
    }
}

#[component]
pub fn PhotoPicker(
    /// The file input's id (a form may have two pickers).
    id: &'static str,
    /// The photos uploaded already.
    #[prop(into)]
    photos: Signal<Vec<Photo>>,
    /// How many photos at most.
    max: usize,
    #[prop(into)] on_added: Callback<Photo>,
    #[prop(into)] on_removed: Callback<i64>,
    #[prop(into)] disabled: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let uploads = RwSignal::new(Vec::<Upload>::new());
    let problem = RwSignal::new(None::<&'static str>);
    let next_key = StoredValue::new(0_u32);
    let room = move || max.saturating_sub(photos.with(Vec::len) + uploads.with(Vec::len));

    let send = move |upload: Upload| {
        upload.failed.set(None);
        upload.progress.set(0);
        let blob = upload.blob.clone();
        spawn_local(async move {
            let progress = upload.progress;
            let result = api::upload_photo(blob.take(), move |p| {
                let _ = progress.try_set(p);
            })
            .await;
            match result {
                Ok(photo) => {
                    on_added.run(photo);
                    let _ = uploads.try_update(|list| list.retain(|u| u.key != upload.key));
                    let _ = Url::revoke_object_url(&upload.preview);
                }
                Err(error) => {
                    let _ = upload.failed.try_set(Some(error));
                }
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let files = input.files();
        problem.set(None);
        let Some(files) = files else { return };
        let room = room();
        if files.length() as usize > room {
            problem.set(Some(t.get_untracked().photo_too_many));
        }
        let picked: Vec<_> = (0..files.length())
            .filter_map(|i| files.get(i))
            .take(room)
            .map(SendWrapper::new)
            .collect();
        // The same file may be picked again after it was removed.
        input.set_value("");
        for file in picked {
            spawn_local(async move {
                match shrink(&file).await {
                    Ok(blob) => {
                        let Ok(preview) = Url::create_object_url_with_blob(&blob) else {
                            return;
                        };
                        let key = next_key.get_value();
                        next_key.set_value(key + 1);
                        let upload = Upload {
                            key,
                            preview,
                            bytes: blob.size(),
                            blob: SendWrapper::new(blob),
                            progress: RwSignal::new(0),
                            failed: RwSignal::new(None),
                        };
                        uploads.update(|list| list.push(upload.clone()));
                        send(upload);
                    }
                    Err(ShrinkError::NotAPicture) => {
                        problem.set(Some(t.get_untracked().photo_not_a_picture))
                    }
                    Err(ShrinkError::CouldNotEncode) => {
                        problem.set(Some(t.get_untracked().photo_could_not_shrink))
                    }
                }
            });
        }
    };

    let remove_upload = move |key: u32| {
        uploads.update(|list| {
            if let Some(gone) = list.iter().find(|u| u.key == key) {
                let _ = Url::revoke_object_url(&gone.preview);
            }
            list.retain(|u| u.key != key);
        });
    };
    on_cleanup(move || {
        for upload in uploads.get_untracked() {
            let _ = Url::revoke_object_url(&upload.preview);
        }
    });

    let status_id = format!("{id}-status");
    let status_id_for_input = status_id.clone();
    view! {
        <div class="photo-picker">
            <ul class="photo-picker__list" aria-label=tr(|t| t.photos_field)>
                <For each=move || photos.get() key=|p| p.id let:photo>
                    {
                    // Numbered by where it is now: removing photo 2 makes photo 3 the second.
                    let id = photo.id;
                    let number = move || photos.with(|list| list.iter().position(|p| p.id == id).map_or(0, |i| i as i64 + 1));
                    view! {
                    <li class="photo-thumb">
                        <img src=photo.url.clone() alt=move || t.get().photo_alt(number()) width="96" height="96" />
                        <button type="button" class="photo-thumb__remove" disabled=disabled
                            aria-label=move || t.get().photo_remove(number())
                            on:click=move |_| on_removed.run(id)>
                            <Icon kind=IconKind::Close />
                        </button>
                    </li>
                    }
                    }
                </For>
                <For each=move || uploads.get() key=|u| u.key let:upload>
                    {let upload_key = upload.key; let bytes = upload.bytes; let progress = upload.progress; let failed = upload.failed;
                    view! {
                    <li class="photo-thumb photo-thumb--uploading">
                        <img src=upload.preview.clone() alt=tr(|t| t.photo_uploading_alt) width="96" height="96" />
                        {move || match failed.get() {
                            None => view! {
                                <progress class="photo-thumb__progress" max="100" value=move || progress.get().to_string()
                                    aria-label=move || t.get().photo_progress(i64::from(progress.get()), &size_text(bytes))></progress>
                            }.into_any(),
                            Some(error) => {
                                let retry = upload.clone();
                                view! {
                                    <span class="photo-thumb__failed" role="alert">{move || refusal_text(&error, t.get())}</span>
                                    <button type="button" class="button button--small" on:click=move |_| send(retry.clone())>
                                        {tr(|t| t.retry)}
                                    </button>
                                }.into_any()
                            }
                        }}
                        <button type="button" class="photo-thumb__remove" aria-label=tr(|t| t.photo_cancel)
                            on:click=move |_| remove_upload(upload_key)>
                            <Icon kind=IconKind::Close />
                        </button>
                    </li>
                    }}
                </For>
            </ul>
            <Show when=move || { room() > 0 }>
                <label class="button button--secondary photo-picker__add" class:is-disabled=disabled>
                    <Icon kind=IconKind::Camera />
                    <span>{tr(|t| t.photo_add)}</span>
                    <input id=id type="file" accept="image/*" multiple class="visually-hidden"
                        aria-describedby=status_id_for_input.clone() disabled=disabled on:change=on_pick />
                </label>
            </Show>
            <p class="field__hint" id=status_id aria-live="polite">
                {move || match problem.get() {
                    Some(text) => view! { <Icon kind=IconKind::Alert /><span class="field__error">{text}</span> }.into_any(),
                    None => view! { <span>{move || t.get().photo_count(photos.with(Vec::len) as i64, max as i64)}</span> }.into_any(),
                }}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_in_kb_or_mb() {
        assert_eq!(size_text(240_400.0), "240 KB");
        assert_eq!(size_text(3_240_000.0), "3.2 MB");
        assert_eq!(size_text(120.0), "1 KB");
    }
}
