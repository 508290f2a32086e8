pub mod about;
pub mod account;
pub mod admin_frame;
pub mod categories_admin;
pub mod cities_admin;
pub mod city;
pub mod communities;
pub mod event;
pub mod events;
pub mod home;
pub mod moderation;
pub mod not_found;
pub mod offline;
pub mod people_admin;
pub mod place;
pub mod stories;
pub mod story;
pub mod volunteering;

use crate::i18n::*;
use crate::page_error::PageError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A page's data from its server function: "loading…" meanwhile, the error
/// page (its status already set) if that fails, else `show`. Pages render
/// on the server only (islands): a plain future instead of a resource, so
/// the data is not serialised into the page a second time.
#[component]
pub fn Loaded<T, F, Fut, S>(load: F, show: S) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, PageError>> + Send + 'static,
    S: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || {
                let (load, show) = (load.clone(), show.clone());
                Suspend::new(async move {
                    match load().await {
                        Ok(data) => show(data),
                        Err(e) => view! { <LoadError error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a listing's page is for: its city and slug (from the path) and the
/// visitor's language.
pub fn listing_key() -> (String, String, String) {
    let p = use_params_map().read_untracked();
    (
        p.get("city").unwrap_or_default(),
        p.get("slug").unwrap_or_default(),
        crate::locale::code(use_i18n().get_locale_untracked()).to_string(),
    )
}

/// The city of a city's page (from the path).
pub fn city_param() -> String {
    use_params_map().read_untracked().get("city").unwrap_or_default()
}

/// What a page shows when its data could not be loaded: the not-found
/// page, "not allowed", or that something failed (the status is already set
/// by the error).
#[component]
pub fn LoadError(error: PageError) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        PageError::NotFound => view! { <not_found::NotFoundBody /> }.into_any(),
        PageError::Forbidden => {
            view! { <p class="error" role="alert">{t!(i18n, forbidden)}</p> }.into_any()
        }
        PageError::Invalid(_) | PageError::Internal => view! {
            <section class="error" role="alert">
                <h1>{t!(i18n, error_title)}</h1>
                <p>{t!(i18n, error_body)}</p>
            </section>
        }
        .into_any(),
    }
}
