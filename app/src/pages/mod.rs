pub mod about;
pub mod account;
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
use leptos::prelude::*;

/// What a page shows when its data could not be loaded.
#[component]
pub fn LoadError(#[prop(into)] not_found: bool) -> impl IntoView {
    let i18n = use_i18n();
    if not_found {
        view! { <not_found::NotFoundBody /> }.into_any()
    } else {
        view! {
            <section class="error" role="alert">
                <h1>{t!(i18n, error_title)}</h1>
                <p>{t!(i18n, error_body)}</p>
            </section>
        }
        .into_any()
    }
}

pub fn is_not_found(e: &ServerFnError) -> bool {
    e.to_string().contains("not found")
}
