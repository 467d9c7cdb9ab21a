//! The one way a page shows the data it loads: a skeleton while it comes, the error with a
//! retry if it fails, then the page. Copy this for every new screen:
//!
//! ```ignore
//! let order = LocalResource::new(move || api::fetch_order(id));
//! view! { <Loaded data=order skeleton=&[4, 6] not_found=OrderNotFound let:order> ... </Loaded> }
//! ```
//!
//! A 401 needs nothing here: the API layer has already signed the app out
//! (`api::session_ended`) and the page's `RequireSignIn` is on its way to sign-in, so the
//! skeleton stays until it gets there.

use care_contract::ErrorCode;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::widgets::error_view::ErrorView;
use crate::widgets::skeleton::SkeletonCard;

#[component]
pub fn Loaded<T, V, F>(
    /// The page's request. Retry refetches it.
    data: LocalResource<Result<T, ApiError>>,
    /// The skeleton's cards while loading, by their number of lines.
    #[prop(default = &[4])]
    skeleton: &'static [usize],
    /// Shown for a 404 instead of the error (a mistyped or stale link): say what is
    /// missing and where to go instead.
    #[prop(optional, into)]
    not_found: Option<ViewFn>,
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let loading = move || {
        skeleton
            .iter()
            .map(|&lines| view! { <SkeletonCard lines /> })
            .collect_view()
            .into_any()
    };
    move || match data.get() {
        None => loading(),
        Some(Err(error)) if error.is_unauthenticated() => loading(),
        Some(Err(error)) if error.code() == Some(ErrorCode::NotFound) && not_found.is_some() => {
            not_found.as_ref().map(ViewFn::run).into_any()
        }
        Some(Err(error)) => {
            view! { <ErrorView error on_retry=move |_| data.refetch() /> }.into_any()
        }
        Some(Ok(value)) => children(value).into_any(),
    }
}
