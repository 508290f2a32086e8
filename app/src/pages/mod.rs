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
pub mod place;
pub mod stories;
pub mod story;
pub mod volunteering;

use crate::i18n::*;
use crate::page_error::PageError;
use leptos::prelude::*;

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
